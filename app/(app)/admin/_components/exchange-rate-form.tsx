'use client';

import { useRouter } from 'next/navigation';
import { useState, useTransition, type FormEvent } from 'react';
import { ActionMessage } from '@/components/tasks/action-message';
import { buttonClasses } from '@/components/ui/button';
import type { ActionResult, ErrorBody } from '@/lib/action';
import { describedBy, Field, inputClasses } from './form-controls';

type Saved = { currency: string; rate: string; validOn: string; replaced: boolean };

/** Records a rate; the same currency and first day again replaces that rate. */
export function ExchangeRateForm({
  company,
  currencies,
  today,
  save,
}: {
  company: string;
  currencies: readonly string[];
  today: string;
  save: (input: { currency: string; rate: string; validOn: string }) => Promise<ActionResult<Saved>>;
}) {
  const router = useRouter();
  const [currency, setCurrency] = useState(currencies.includes('EUR') ? 'EUR' : (currencies[0] ?? ''));
  const [rate, setRate] = useState('');
  const [validOn, setValidOn] = useState(today);
  const [error, setError] = useState<ErrorBody | null>(null);
  const [success, setSuccess] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const fieldError = (field: string) => (error?.field === field ? error.message : null);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setError(null);
    setSuccess(null);
    startTransition(async () => {
      const result = await save({ currency, rate, validOn });
      if (!result.ok) {
        setError(result.error);
        return;
      }
      const saved = result.data;
      setSuccess(
        `${saved.replaced ? 'Replaced' : 'Saved'}: 1 ${saved.currency} = ${saved.rate} ${company} from ${saved.validOn}.`,
      );
      setRate('');
      router.refresh();
    });
  }

  return (
    <form onSubmit={submit} noValidate className="space-y-4">
      <div className="grid gap-4 sm:grid-cols-[8rem_minmax(0,1fr)_minmax(0,1fr)_auto] sm:items-start">
        <Field id="rate-currency" label="Currency" error={fieldError('currency')}>
          <select
            id="rate-currency"
            value={currency}
            onChange={(event) => setCurrency(event.target.value)}
            className={inputClasses(Boolean(fieldError('currency')))}
            {...describedBy('rate-currency', fieldError('currency'))}
          >
            {currencies.map((code) => (
              <option key={code} value={code}>
                {code}
              </option>
            ))}
          </select>
        </Field>
        <Field id="rate-value" label={`Rate to ${company}`} hint={`How many ${company} one ${currency} buys.`} error={fieldError('rate')}>
          <input
            id="rate-value"
            inputMode="decimal"
            value={rate}
            placeholder="1.0850"
            onChange={(event) => setRate(event.target.value)}
            className={inputClasses(Boolean(fieldError('rate')), 'tabular-nums')}
            {...describedBy('rate-value', fieldError('rate'), true)}
          />
        </Field>
        <Field id="rate-valid-on" label="Valid from" error={fieldError('validOn')}>
          <input
            id="rate-valid-on"
            type="date"
            value={validOn}
            onChange={(event) => setValidOn(event.target.value)}
            className={inputClasses(Boolean(fieldError('validOn')))}
            {...describedBy('rate-valid-on', fieldError('validOn'))}
          />
        </Field>
        <div className="sm:pt-7">
          <button type="submit" className={buttonClasses('primary')} disabled={pending}>
            {pending ? 'Saving…' : 'Save rate'}
          </button>
        </div>
      </div>
      <div aria-live="polite">
        <ActionMessage error={error} success={success} />
      </div>
    </form>
  );
}
