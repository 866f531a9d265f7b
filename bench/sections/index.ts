/** Every benchmark, in report order. A new benchmark is a module plus one line here. */
import type { Section } from '../support/section';
import { authoritySection } from './authority';
import { designerSection } from './designer';
import { engineSection } from './engine';
import { persistedSection } from './persisted';
import { timersSection } from './timers';

export const sections: readonly Section[] = [
  engineSection,
  persistedSection,
  authoritySection,
  timersSection,
  designerSection,
];
