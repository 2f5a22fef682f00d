import { useState } from 'react';
import { Badge, Button, Card, Group, Modal, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { call } from '../api';
import { Empty, Loading, ProblemAlert, QueryFailure } from '../common';
import { formatDate } from '../format';
import { CheckReport, type Report } from './Report';

export interface Version {
  id: string; pluginId: string; version: string; sizeBytes: number; status: string; statusReason?: string;
  uploadedAt: string; runsIn: string; report?: Report;
}

export function ReviewQueue() {
  const { t, i18n } = useTranslation();
  const client = useQueryClient();
  const [declining, setDeclining] = useState<Version | null>(null);
  const [reason, setReason] = useState('');
  const queue = useQuery({ queryKey: ['review-queue'], queryFn: () => call<Version[]>('admin/marketplace/reviews') });
  const decide = useMutation({
    mutationFn: ({ v, approve }: { v: Version; approve: boolean }) =>
      call<Version>('admin/marketplace/versions/' + v.id + (approve ? '/approve' : '/decline'), {
        method: 'POST',
        body: approve ? {} : { reason },
      }),
    onSuccess: () => {
      setDeclining(null);
      setReason('');
      client.invalidateQueries({ queryKey: ['review-queue'] });
    },
  });
  if (queue.isPending) return <Loading />;
  if (queue.error) return <QueryFailure error={queue.error} />;
  return (
    <Stack>
      <Title order={1}>{t('reviews.title')}</Title>
      <ProblemAlert error={decide.error} />
      {queue.data.length === 0 ? <Empty>{t('reviews.empty')}</Empty> : queue.data.map((v) => (
        <Card key={v.id} withBorder data-testid={'review-' + v.pluginId}>
          <Group justify="space-between">
            <Text fw={600}>{t('reviews.version', { plugin: v.pluginId, version: v.version })}</Text>
            <Text size="sm" c="dimmed">{formatDate(v.uploadedAt, i18n.language)}</Text>
          </Group>
          <CheckReport report={v.report} />
          <Group mt="sm">
            <Button onClick={() => decide.mutate({ v, approve: true })} data-testid="approve">{t('reviews.approve')}</Button>
            <Button color="red" variant="outline" onClick={() => setDeclining(v)}>{t('reviews.decline')}</Button>
          </Group>
        </Card>
      ))}
      <Modal closeButtonProps={{ 'aria-label': t('common.close') }} opened={!!declining} onClose={() => setDeclining(null)} title={t('reviews.declineTitle')}>
        <Stack>
          <TextInput label={t('reviews.reason')} value={reason} onChange={(e) => setReason(e.currentTarget.value)} required />
          <Button color="red" onClick={() => declining && decide.mutate({ v: declining, approve: false })}>{t('reviews.decline')}</Button>
        </Stack>
      </Modal>
    </Stack>
  );
}

interface StoreRow { slug: string; name: string; status: string; statusReason?: string; defaultCurrency: string; owner: { email: string }; createdAt: string }

export function AdminStores() {
  const { t, i18n } = useTranslation();
  const client = useQueryClient();
  const [q, setQ] = useState('');
  const [suspending, setSuspending] = useState<StoreRow | null>(null);
  const [reason, setReason] = useState('');
  const stores = useQuery({
    queryKey: ['admin-stores', q],
    queryFn: () => call<{ items: StoreRow[]; total: number }>('admin/stores?size=50' + (q ? '&q=' + encodeURIComponent(q) : '')),
  });
  const change = useMutation({
    mutationFn: ({ s, suspend }: { s: StoreRow; suspend: boolean }) =>
      call<StoreRow>('admin/stores/' + s.slug + (suspend ? '/suspend' : '/reactivate'), { method: 'POST', body: suspend ? { reason } : undefined }),
    onSuccess: () => {
      setSuspending(null);
      setReason('');
      client.invalidateQueries({ queryKey: ['admin-stores'] });
    },
  });
  return (
    <Stack>
      <Title order={1}>{t('stores.title')}</Title>
      <TextInput label={t('stores.search')} value={q} onChange={(e) => setQ(e.currentTarget.value)} />
      <ProblemAlert error={change.error} />
      {stores.isPending ? <Loading /> : stores.error ? <QueryFailure error={stores.error} /> : stores.data.items.length === 0 ? (
        <Empty>{t('stores.empty')}</Empty>
      ) : (
        <Table>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('stores.store')}</Table.Th>
              <Table.Th>{t('stores.owner')}</Table.Th>
              <Table.Th>{t('plugin.status')}</Table.Th>
              <Table.Th>{t('stores.created')}</Table.Th>
              <Table.Th>{t('stores.actions')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {stores.data.items.map((s) => (
              <Table.Tr key={s.slug}>
                <Table.Td>{s.name} ({s.slug})</Table.Td>
                <Table.Td>{s.owner?.email}</Table.Td>
                <Table.Td><Badge color={s.status === 'ACTIVE' ? 'green' : 'red'}>{t('storeStatus.' + s.status, { defaultValue: s.status })}</Badge></Table.Td>
                <Table.Td>{formatDate(s.createdAt, i18n.language)}</Table.Td>
                <Table.Td>
                  {s.status === 'SUSPENDED' ? (
                    <Button size="xs" onClick={() => change.mutate({ s, suspend: false })}>{t('stores.reactivate')}</Button>
                  ) : (
                    <Button size="xs" color="red" variant="outline" onClick={() => setSuspending(s)}>{t('stores.suspend')}</Button>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <Modal closeButtonProps={{ 'aria-label': t('common.close') }} opened={!!suspending} onClose={() => setSuspending(null)} title={t('stores.suspendTitle', { name: suspending?.name ?? '' })}>
        <Stack>
          <TextInput label={t('reviews.reason')} value={reason} onChange={(e) => setReason(e.currentTarget.value)} required />
          <ProblemAlert error={change.error} />
          <Button color="red" onClick={() => suspending && change.mutate({ s: suspending, suspend: true })}>{t('stores.suspend')}</Button>
        </Stack>
      </Modal>
    </Stack>
  );
}
