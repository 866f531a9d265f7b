import FormPickerPropertiesProvider from './FormPickerPropertiesProvider';
import type { FormChoice } from './form-choices';

export type { FormChoice } from './form-choices';
export { knownFormRule } from './known-form-rule';

/**
 * The properties panel's "Form" group, picking from `forms`: Baton's forms as
 * loaded with the editor page, once per editor session.
 */
export function formPickerModule(forms: readonly FormChoice[]) {
  return {
    __init__: ['batonFormPickerProvider'],
    batonForms: ['value', forms],
    batonFormPickerProvider: ['type', FormPickerPropertiesProvider],
  };
}
