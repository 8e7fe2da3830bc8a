import { Badge } from '@mantine/core';
import type { BeneficiaryStatus } from '../../api/types';
import { useEnumLabel } from '../../components/Labels';

const COLORS: Record<BeneficiaryStatus, string> = {
  applied: 'gray',
  verified: 'blue',
  waitlisted: 'yellow',
  allocated: 'cyan',
  served: 'green',
  rejected: 'red',
};

export function BeneficiaryStatusBadge({ status }: { status: BeneficiaryStatus }) {
  const label = useEnumLabel();
  return (
    <Badge color={COLORS[status] ?? 'gray'} variant="light">
      {label('beneficiaryStatus', status)}
    </Badge>
  );
}
