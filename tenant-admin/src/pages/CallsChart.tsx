import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { Table } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../format';
import type { Metrics } from './merchant';

/** Per-plugin checkout impact: answered, refused and failed calls, and latency, per extension point. */
export default function CallsChart({ metrics }: { metrics: Metrics[] }) {
  const { t, i18n } = useTranslation();
  const rows = metrics.map((m) => {
    const failed = Object.values(m.failures ?? {}).reduce((a, b) => a + b, 0);
    return {
      name: m.pluginId + ' · ' + t('point.' + m.point, { defaultValue: m.point }),
      answered: m.answered,
      refused: m.refused,
      failed,
      p99: m.p99Micros / 1000,
      errorRate: m.calls === 0 ? 0 : failed / m.calls,
    };
  });
  return (
    <>
      <div style={{ width: '100%', height: 260 }} role="img" aria-label={t('dashboard.chartLabel')}>
        <ResponsiveContainer>
          <BarChart data={rows}>
            <CartesianGrid strokeDasharray="3 3" />
            <XAxis dataKey="name" />
            <YAxis allowDecimals={false} />
            <Tooltip />
            <Legend formatter={(value) => <span style={{ color: '#212529' }}>{value}</span>} />
            <Bar dataKey="answered" stackId="c" name={t('dashboard.answered')} fill="#2f9e44" />
            <Bar dataKey="refused" stackId="c" name={t('dashboard.refused')} fill="#f08c00" />
            <Bar dataKey="failed" stackId="c" name={t('dashboard.failed')} fill="#e03131" />
          </BarChart>
        </ResponsiveContainer>
      </div>
      <Table>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('dashboard.point')}</Table.Th>
            <Table.Th>{t('dashboard.errorRate')}</Table.Th>
            <Table.Th>{t('dashboard.p99')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((r) => (
            <Table.Tr key={r.name}>
              <Table.Td>{r.name}</Table.Td>
              <Table.Td>{new Intl.NumberFormat(i18n.language, { style: 'percent', maximumFractionDigits: 1 }).format(r.errorRate)}</Table.Td>
              <Table.Td>{t('dashboard.ms', { value: formatNumber(r.p99, i18n.language) })}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </>
  );
}
