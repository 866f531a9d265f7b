import batonDescriptor from '@/engine/model/baton-moddle.json';
import zeebeDescriptor from 'zeebe-bpmn-moddle/resources/zeebe.json';

/** The moddle extensions every Baton diagram is read with: Camunda 8 (Zeebe) and Baton's approvals. */
export const moddleExtensions = { zeebe: zeebeDescriptor, baton: batonDescriptor };
