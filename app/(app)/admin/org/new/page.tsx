import { PageHeader } from '@/components/ui/page-header';
import { currencyDecimals } from '@/engine/authority';
import { requireSection } from '@/lib/authz';
import { env } from '@/lib/env';
import { Panel } from '../../_components/form-controls';
import { loadPeopleOptions } from '../../_components/load-people';
import { PersonForm } from '../../_components/person-form';
import { addPersonAction } from '../actions';

export const metadata = { title: 'Add a person' };

export default async function NewPersonPage() {
  await requireSection('admin');
  const currency = env().BATON_CURRENCY;
  const decimals = currencyDecimals(currency);
  const step = decimals.ok && decimals.value > 0 ? `0.${'0'.repeat(decimals.value - 1)}1` : '1';
  return (
    <>
      <PageHeader
        back={{ href: '/admin/org', label: 'Org chart' }}
        title="Add a person"
        description="Add someone approvals can be routed to. The addition is recorded in the audit log."
      />
      <div className="max-w-3xl">
        <Panel title="Details">
          <PersonForm
            mode="add"
            personId={null}
            initial={{
              name: '',
              email: '',
              title: '',
              managerId: null,
              limit: '0',
              active: true,
              delegateId: null,
              delegateFrom: null,
              delegateUntil: null,
            }}
            people={await loadPeopleOptions()}
            currency={currency}
            step={step}
            limitLocked={false}
            save={addPersonAction}
          />
        </Panel>
      </div>
    </>
  );
}
