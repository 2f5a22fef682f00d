import { useState } from 'react';
import { Anchor, Badge, Button, Card, FileInput, Group, Progress, Stack, Table, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { call, ProblemError, upload } from '../api';
import { Empty, Loading, ProblemAlert, QueryFailure } from '../common';
import { formatDate } from '../format';
import { CheckReport } from './Report';
import type { Version } from './admin';

interface Listing { slug: string; name: string; summary: string; status: string; kinds: string[] }

export function DeveloperListings() {
  const { t } = useTranslation();
  const listings = useQuery({ queryKey: ['dev-listings'], queryFn: () => call<Listing[]>('developer/listings') });
  if (listings.isPending) return <Loading />;
  if (listings.error) return <QueryFailure error={listings.error} />;
  return (
    <Stack>
      <Title order={1}>{t('developer.title')}</Title>
      {listings.data.length === 0 ? <Empty>{t('developer.empty')}</Empty> : listings.data.map((l) => (
        <Card key={l.slug} withBorder>
          <Anchor component={Link} to={'/developer/listings/' + l.slug} fw={600}>{l.name}</Anchor>
          <Text size="sm">{l.summary}</Text>
          <Group gap="xs" mt="xs">
            <Badge>{t('listingStatus.' + l.status, { defaultValue: l.status })}</Badge>
            {l.kinds.map((k) => <Badge key={k}>{t('kind.' + k)}</Badge>)}
          </Group>
        </Card>
      ))}
    </Stack>
  );
}

export function DeveloperListing() {
  const { t, i18n } = useTranslation();
  const { slug = '' } = useParams();
  const client = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const [progress, setProgress] = useState(0);
  const versions = useQuery({ queryKey: ['dev-versions', slug], queryFn: () => call<Version[]>('developer/listings/' + slug + '/versions') });
  const send = useMutation({
    mutationFn: (f: File) => {
      setProgress(0);
      return upload<Version>('developer/listings/' + slug + '/versions', f, setProgress);
    },
    onSettled: () => client.invalidateQueries({ queryKey: ['dev-versions', slug] }),
  });
  const submit = useMutation({
    mutationFn: (v: Version) => call<Version>('developer/listings/' + slug + '/versions/' + v.version + '/submit', { method: 'POST', body: {} }),
    onSuccess: () => client.invalidateQueries({ queryKey: ['dev-versions', slug] }),
  });
  return (
    <Stack>
      <Title order={1}>{slug}</Title>
      <Title order={2}>{t('developer.upload')}</Title>
      <Group align="end">
        <FileInput label={t('developer.jar')} accept=".jar" value={file} onChange={setFile} data-testid="jar" />
        <Button disabled={!file} loading={send.isPending} onClick={() => file && send.mutate(file)} data-testid="upload">{t('developer.send')}</Button>
      </Group>
      {send.isPending || progress > 0 ? (
        <Progress.Root data-testid="progress">
          <Progress.Section value={Math.round(progress * 100)} aria-label={t('developer.progress')} />
        </Progress.Root>
      ) : null}
      <ProblemAlert error={send.error ?? submit.error} />
      {send.data ? <CheckReport report={send.data.report} /> : null}
      {/* a rejected upload (422) carries the stored version, with its report */}
      {send.error instanceof ProblemError && (send.error.body.version?.report ?? send.error.body.report) ? (
        <CheckReport report={send.error.body.version?.report ?? send.error.body.report} />
      ) : null}
      <Title order={2}>{t('developer.versions')}</Title>
      {versions.isPending ? <Loading /> : versions.error ? <QueryFailure error={versions.error} /> : versions.data.length === 0 ? (
        <Empty>{t('developer.noVersions')}</Empty>
      ) : (
        <Table>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('plugin.version')}</Table.Th>
              <Table.Th>{t('plugin.status')}</Table.Th>
              <Table.Th>{t('developer.uploaded')}</Table.Th>
              <Table.Th>{t('stores.actions')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {versions.data.map((v) => (
              <Table.Tr key={v.id}>
                <Table.Td>{v.version}</Table.Td>
                <Table.Td>{t('versionStatus.' + v.status, { defaultValue: v.status })}</Table.Td>
                <Table.Td>{formatDate(v.uploadedAt, i18n.language)}</Table.Td>
                <Table.Td>
                  {v.status === 'PASSED' ? (
                    <Button size="xs" onClick={() => submit.mutate(v)}>{t('developer.submit')}</Button>
                  ) : null}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}
