import { AppError } from '@/lib/action';
import type { Json, Variables } from '@/engine';
import type { FormSchema } from './find-form-schema';

interface Component {
  type?: string;
  key?: string;
  label?: string;
  components?: unknown[];
  decimalDigits?: number;
  values?: { value: unknown }[];
  validate?: {
    required?: boolean;
    min?: number;
    max?: number;
    minLength?: number;
    maxLength?: number;
    pattern?: string;
  };
}

const INPUT_TYPES = new Set([
  'textfield',
  'textarea',
  'number',
  'checkbox',
  'checklist',
  'radio',
  'select',
  'taglist',
  'datetime',
]);

function inputsOf(components: unknown[] | undefined): Component[] {
  const found: Component[] = [];
  for (const raw of components ?? []) {
    if (!raw || typeof raw !== 'object') continue;
    const component = raw as Component;
    if (component.key && component.type && INPUT_TYPES.has(component.type)) found.push(component);
    if (Array.isArray(component.components)) found.push(...inputsOf(component.components));
  }
  return found;
}

const empty = (value: unknown) =>
  value === undefined || value === null || value === '' || (Array.isArray(value) && value.length === 0);

/**
 * Checks submitted values against a form-js schema on the server, with the
 * same rules the viewer applies in the browser (required, min/max, length,
 * pattern, number type, allowed options), because a browser can be bypassed.
 * Returns only the values of the form's fields, numbers as numbers; the first
 * bad value is refused as an AppError naming its field.
 */
export function validateFormValues(schema: FormSchema, values: Record<string, unknown>): Variables {
  const accepted: Variables = {};
  for (const component of inputsOf(schema.components)) {
    const key = component.key!;
    const label = component.label?.trim() || key;
    const rules = component.validate ?? {};
    let value = values[key];
    const refuse = (message: string) => {
      throw new AppError('invalid', `${label}: ${message}`, key);
    };
    if (empty(value)) {
      if (rules.required) refuse('this field is required.');
      continue;
    }
    switch (component.type) {
      case 'number': {
        const number = typeof value === 'number' ? value : Number(String(value).trim());
        if (!Number.isFinite(number)) refuse('enter a number.');
        if (rules.min !== undefined && number < rules.min) refuse(`must be at least ${rules.min}.`);
        if (rules.max !== undefined && number > rules.max) refuse(`must be at most ${rules.max}.`);
        if (component.decimalDigits !== undefined) {
          const [, decimals = ''] = String(number).split('.');
          if (decimals.length > component.decimalDigits) {
            refuse(`use at most ${component.decimalDigits} decimal places.`);
          }
        }
        value = number;
        break;
      }
      case 'checkbox':
        if (typeof value !== 'boolean') value = value === 'true' || value === 'on';
        if (rules.required && value !== true) refuse('this box must be checked.');
        break;
      case 'radio':
      case 'select':
        if (component.values && !component.values.some((option) => option.value === value)) {
          refuse('choose one of the options.');
        }
        break;
      case undefined:
      default: {
        if (typeof value !== 'string' && !Array.isArray(value)) value = String(value);
        if (typeof value === 'string') {
          if (rules.minLength !== undefined && value.length < rules.minLength) {
            refuse(`use at least ${rules.minLength} characters.`);
          }
          if (rules.maxLength !== undefined && value.length > rules.maxLength) {
            refuse(`use at most ${rules.maxLength} characters.`);
          }
          if (rules.pattern && !new RegExp(`^(?:${rules.pattern})$`).test(value)) {
            refuse('the value does not have the expected format.');
          }
        }
      }
    }
    accepted[key] = value as Json;
  }
  return accepted;
}
