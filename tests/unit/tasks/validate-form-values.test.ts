import { describe, expect, it } from 'vitest';
import { validateFormValues } from '@/lib/requests/validate-form-values';

const schema = {
  components: [
    { type: 'textfield', key: 'title', label: 'What are you buying?', validate: { required: true, maxLength: 10 } },
    { type: 'number', key: 'amount', label: 'Amount', decimalDigits: 2, validate: { required: true, min: 0.01 } },
    { type: 'select', key: 'kind', label: 'Kind', values: [{ value: 'hardware' }, { value: 'software' }] },
    { type: 'group', components: [{ type: 'textfield', key: 'code', label: 'Code', validate: { pattern: '[A-Z]{3}' } }] },
    { type: 'text', text: 'Read me' },
  ],
};

describe('server-side form validation', () => {
  it('given valid values, then it keeps only the fields of the form, numbers as numbers', () => {
    expect(validateFormValues(schema, { title: 'Laptop', amount: '12.5', kind: 'hardware', code: 'ABC', extra: 1 })).toEqual({
      title: 'Laptop',
      amount: 12.5,
      kind: 'hardware',
      code: 'ABC',
    });
  });

  it.each([
    [{ amount: 1 }, 'title', /What are you buying\?: this field is required/],
    [{ title: 'A', amount: 0 }, 'amount', /Amount: must be at least 0\.01/],
    [{ title: 'A', amount: 'lots' }, 'amount', /enter a number/],
    [{ title: 'A', amount: 1.005 }, 'amount', /at most 2 decimal places/],
    [{ title: 'A much too long title', amount: 1 }, 'title', /at most 10 characters/],
    [{ title: 'A', amount: 1, kind: 'furniture' }, 'kind', /choose one of the options/],
    [{ title: 'A', amount: 1, code: 'abc' }, 'code', /expected format/],
  ])('given %j, then it is refused naming %s', (values, field, message) => {
    expect(() => validateFormValues(schema, values)).toThrow(message);
    try {
      validateFormValues(schema, values);
    } catch (error) {
      expect(error).toMatchObject({ code: 'invalid', field });
    }
  });
});
