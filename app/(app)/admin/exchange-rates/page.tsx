import { Badge } from '@/components/ui/badge';
import { EmptyState } from '@/components/ui/empty-state';
import { CurrencyIcon } from '@/components/ui/icons';
import { PageHeader } from '@/components/ui/page-header';
import { Table, Td, Th } from '@/components/ui/table';
import { SUPPORTED_CURRENCIES } from '@/engine/authority';
import { requireSection } from '@/lib/authz';
import { getDb } from '@/lib/db';
import { env } from '@/lib/env';
import { listExchangeRates } from '@/lib/org/list-exchange-rates';
import { formatInstant } from '../_components/audit-table';
import { ExchangeRateForm } from '../_components/exchange-rate-form';
import { Panel } from '../_components/form-controls';
import { setExchangeRateAction } from './actions';

export const metadata = { title: 'Exchange rates' };

/** "1.0850000000" as stored → "1.085": the numeric column pads to its scale. */
function trimRate(rate: string): string {
  return rate.includes('.') ? rate.replace(/0+$/, '').replace(/\.$/, '') : rate;
}

export default async function ExchangeRatesPage() {
  await requireSection('admin');
  const company = env().BATON_CURRENCY;
  const rates = await listExchangeRates(await getDb());
  const today = new Date().toISOString().slice(0, 10);
  // The rate in force today is the latest one valid on or before today, per currency.
  const current = new Set<string>();
  for (const rate of rates) {
    if (rate.validOn <= today && ![...current].some((key) => key.startsWith(`${rate.currency}@`))) {
      current.add(`${rate.currency}@${rate.validOn}`);
    }
  }

  return (
    <>
      <PageHeader
        back={{ href: '/admin', label: 'Admin' }}
        title="Exchange rates"
        description={`Limits are kept in ${company}. A request in another currency is converted with the latest rate valid on the day it is submitted, and that rate is stored with the request.`}
      />
      <div className="space-y-8">
        <Panel title="Add or replace a rate" description="Entering a currency and first day that already exist replaces that rate.">
          <ExchangeRateForm
            company={company}
            currencies={SUPPORTED_CURRENCIES.filter((code) => code !== company)}
            today={today}
            save={setExchangeRateAction}
          />
        </Panel>
        {rates.length === 0 ? (
          <EmptyState icon={CurrencyIcon} title="No exchange rates yet">
            <p>
              Requests in {company} need no rate. A request in any other currency is refused, with a
              clear message, until a rate for that currency is recorded here.
            </p>
          </EmptyState>
        ) : (
          <Table
            caption="Exchange rates"
            head={
              <>
                <Th>Currency</Th>
                <Th align="right">{`Rate to ${company}`}</Th>
                <Th>Valid from</Th>
                <Th>Last set</Th>
              </>
            }
          >
            {rates.map((rate) => (
              <tr key={`${rate.currency}-${rate.validOn}`}>
                <Td className="font-medium text-slate-900">
                  {rate.currency}
                  {current.has(`${rate.currency}@${rate.validOn}`) && (
                    <span className="ml-2">
                      <Badge tone="green">In force</Badge>
                    </span>
                  )}
                </Td>
                <Td align="right">{trimRate(rate.rate)}</Td>
                <Td>{rate.validOn}</Td>
                <Td className="text-slate-500">
                  {formatInstant(rate.updatedAt)}
                  {rate.updatedBy ? ` by ${rate.updatedBy}` : ''}
                </Td>
              </tr>
            ))}
          </Table>
        )}
      </div>
    </>
  );
}
