export * from '../../engine/store/schema';
export * from './org';
export * from './auth';
export * from './designer';
export * from './mail';
export * from './tasks';
