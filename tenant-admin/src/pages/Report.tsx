import { Badge, List, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

export interface Check { rule: string; status: string; message: string }
export interface Report { passed?: boolean; summary?: string; checks?: Check[]; unreadable?: string }

/** The upload check, rule by rule: what failed and why (the message names the class and the fix). */
export function CheckReport({ report }: { report?: Report | null }) {
  const { t } = useTranslation();
  if (!report) return <Text c="dimmed">{t('report.none')}</Text>;
  if (report.unreadable) return <Text c="red">{report.unreadable}</Text>;
  return (
    <div data-testid="report">
      <Text fw={600}>{report.passed ? t('report.passed') : t('report.failed')}</Text>
      {report.summary ? <Text size="sm">{report.summary}</Text> : null}
      <List spacing="xs" mt="xs">
        {(report.checks ?? []).map((c, i) => (
          <List.Item key={c.rule + i} data-testid={'check-' + c.status}>
            <Badge color={c.status === 'PASSED' ? 'green' : c.status === 'FAILED' ? 'red' : 'yellow'} mr="xs">
              {t('report.status.' + c.status, { defaultValue: c.status })}
            </Badge>
            <Text span fw={500}>{c.rule}</Text>
            {c.message ? <Text size="sm">{c.message}</Text> : null}
          </List.Item>
        ))}
      </List>
    </div>
  );
}
