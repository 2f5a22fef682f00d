import { lazy, Suspense, useState } from 'react';
import {
  Anchor, Badge, Button, Card, Checkbox, Group, List, Modal, NativeSelect, Radio, SimpleGrid, Stack, Table, Text,
  TextInput, Title,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { call } from '../api';
import { Empty, Loading, ProblemAlert, QueryFailure } from '../common';
import { formatCountry, formatDate, formatMoney, formatNumber } from '../format';
import { useStore } from '../App';

const ConfigurationForm = lazy(() => import('./ConfigurationForm'));
const CallsChart = lazy(() => import('./CallsChart'));

export const KINDS = ['TAX', 'PAYMENTS', 'CARRIERS', 'MEMBERSHIP', 'AFFILIATE', 'RETURNS'];

interface Pricing { model: string; amountMinor?: number; currency?: string; trialDays: number }
interface Extension { point: string; failurePolicy: string }
export interface CatalogEntry {
  slug: string; name: string; summary: string; descriptions: Record<string, string>; kinds: string[];
  countries: string[]; pricing: Pricing; developer: string; ratingAverage?: string; ratingCount: number;
  version: string; permissions: { egressHosts: string[]; events: string[]; data: string[] };
  extensions: Extension[]; configurationSchema: Record<string, unknown>; secretFields: string[];
}
export interface Installation {
  id: string; pluginId: string; pluginName: string; version: string; previousVersion?: string; status: string;
  statusReason?: string; runsIn: string; kinds: string[]; extensions: Extension[];
  configuration: Record<string, unknown>; secretsSet: string[]; installedAt: string; updatedAt: string;
}
interface Store { slug: string; name: string; status: string; defaultCurrency: string; sellingCountries: string[]; priceDisplay: string }
export interface Metrics {
  pluginId: string; point: string; calls: number; answered: number; refused: number;
  failures: Record<string, number>; p50Micros: number; p99Micros: number; meanMicros: number;
}

export function Price({ pricing }: { pricing: Pricing }) {
  const { t, i18n } = useTranslation();
  if (pricing.model === 'FREE' || pricing.amountMinor == null || !pricing.currency) return <>{t('pricing.free')}</>;
  const amount = formatMoney(pricing.amountMinor, pricing.currency, i18n.language);
  return <>{t('pricing.' + pricing.model, { amount, defaultValue: amount })}</>;
}

export function Dashboard() {
  const { t, i18n } = useTranslation();
  const store = useStore();
  const info = useQuery({ queryKey: ['store', store], queryFn: () => call<Store>('stores/' + store) });
  const plugins = useQuery({
    queryKey: ['plugins', store], queryFn: () => call<Installation[]>('stores/' + store + '/plugins'), enabled: info.isSuccess,
  });
  const metrics = useQuery({
    queryKey: ['metrics', store], queryFn: () => call<Metrics[]>('stores/' + store + '/plugins/metrics'), enabled: info.isSuccess,
  });
  if (info.isPending) return <Loading />;
  if (info.error) return <QueryFailure error={info.error} />;
  const s = info.data;
  return (
    <Stack>
      <Title order={1}>{s.name}</Title>
      <Group>
        <Badge color={s.status === 'ACTIVE' ? 'green' : 'red'}>{t('storeStatus.' + s.status, { defaultValue: s.status })}</Badge>
        <Text>{t('dashboard.currency', { currency: s.defaultCurrency })}</Text>
        <Text>{t('dashboard.countries', { countries: s.sellingCountries.map((c) => formatCountry(c, i18n.language)).join(', ') })}</Text>
      </Group>
      <Title order={2}>{t('dashboard.plugins')}</Title>
      {plugins.isPending ? <Loading /> : plugins.error ? <ProblemAlert error={plugins.error} /> : plugins.data.length === 0 ? (
        <Empty>{t('dashboard.noPlugins')}</Empty>
      ) : (
        <Table striped data-testid="installations">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('plugin.name')}</Table.Th>
              <Table.Th>{t('plugin.version')}</Table.Th>
              <Table.Th>{t('plugin.status')}</Table.Th>
              <Table.Th>{t('plugin.runsIn')}</Table.Th>
              <Table.Th>{t('plugin.updated')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {plugins.data.map((p) => (
              <Table.Tr key={p.pluginId}>
                <Table.Td>
                  <Anchor component={Link} to={'/stores/' + store + '/plugins/' + p.pluginId}>{p.pluginName}</Anchor>
                </Table.Td>
                <Table.Td>{p.version}</Table.Td>
                <Table.Td>{t('installStatus.' + p.status, { defaultValue: p.status })}</Table.Td>
                <Table.Td>{t('runsIn.' + p.runsIn, { defaultValue: p.runsIn })}</Table.Td>
                <Table.Td>{formatDate(p.updatedAt, i18n.language)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <Title order={2}>{t('dashboard.impact')}</Title>
      {metrics.isPending ? <Loading /> : metrics.error ? <ProblemAlert error={metrics.error} /> : metrics.data.length === 0 ? (
        <Empty>{t('dashboard.noCalls')}</Empty>
      ) : (
        <Suspense fallback={<Loading />}>
          <CallsChart metrics={metrics.data} />
        </Suspense>
      )}
    </Stack>
  );
}

export function Catalogue() {
  const { t } = useTranslation();
  const store = useStore();
  const [q, setQ] = useState('');
  const [kind, setKind] = useState('');
  const params = new URLSearchParams();
  if (q) params.set('q', q);
  if (kind) params.set('kind', kind);
  const entries = useQuery({
    queryKey: ['catalog', store, q, kind],
    queryFn: () => call<CatalogEntry[]>('stores/' + store + '/catalog?' + params.toString()),
  });
  return (
    <Stack>
      <Title order={1}>{t('catalogue.title')}</Title>
      <Group align="end">
        <TextInput label={t('catalogue.search')} value={q} onChange={(e) => setQ(e.currentTarget.value)} data-testid="catalog-search" />
        <NativeSelect
          label={t('catalogue.kind')}
          value={kind}
          onChange={(e) => setKind(e.currentTarget.value)}
          data={[{ value: '', label: t('catalogue.allKinds') }, ...KINDS.map((k) => ({ value: k, label: t('kind.' + k) }))]}
          data-testid="catalog-kind"
        />
      </Group>
      {entries.isPending ? <Loading /> : entries.error ? <QueryFailure error={entries.error} /> : entries.data.length === 0 ? (
        <Empty>{t('catalogue.empty')}</Empty>
      ) : (
        <SimpleGrid cols={{ base: 1, md: 2, lg: 3 }}>
          {entries.data.map((e) => (
            <Card key={e.slug} withBorder data-testid={'listing-' + e.slug}>
              <Anchor component={Link} to={'/stores/' + store + '/catalog/' + e.slug} fw={600}>{e.name}</Anchor>
              <Text size="sm">{e.summary}</Text>
              <Group mt="xs" gap="xs">
                {e.kinds.map((k) => <Badge key={k}>{t('kind.' + k)}</Badge>)}
              </Group>
              <Text size="sm" mt="xs"><Price pricing={e.pricing} /></Text>
              <Rating entry={e} />
            </Card>
          ))}
        </SimpleGrid>
      )}
    </Stack>
  );
}

function Rating({ entry }: { entry: CatalogEntry }) {
  const { t, i18n } = useTranslation();
  if (!entry.ratingAverage) return <Text size="sm" c="dimmed">{t('catalogue.unrated')}</Text>;
  return (
    <Text size="sm">
      {t('catalogue.rating', {
        average: formatNumber(Number(entry.ratingAverage), i18n.language), count: entry.ratingCount,
      })}
    </Text>
  );
}

/** What installing means, in plain words: hosts, events, data, and what happens when it fails. */
export function Disclosure({ entry }: { entry: CatalogEntry }) {
  const { t } = useTranslation();
  const p = entry.permissions;
  return (
    <Stack gap="xs" data-testid="disclosure">
      <Title order={2} size="h3">{t('listing.permissions')}</Title>
      {p.egressHosts.length === 0 && p.events.length === 0 && p.data.length === 0 ? <Text>{t('listing.noPermissions')}</Text> : (
        <List>
          {p.egressHosts.map((h) => <List.Item key={'h' + h}>{t('listing.egress', { host: h })}</List.Item>)}
          {p.events.map((e) => <List.Item key={'e' + e}>{t('listing.event', { event: t('event.' + e, { defaultValue: e }) })}</List.Item>)}
          {p.data.map((d) => <List.Item key={'d' + d}>{t('listing.data', { data: t('data.' + d, { defaultValue: d }) })}</List.Item>)}
        </List>
      )}
      <Title order={2} size="h3">{t('listing.failures')}</Title>
      <List>
        {entry.extensions.map((x) => (
          <List.Item key={x.point}>
            {t('listing.policy.' + x.failurePolicy, { point: t('point.' + x.point, { defaultValue: x.point }) })}
          </List.Item>
        ))}
      </List>
    </Stack>
  );
}

export function ListingPage() {
  const { t, i18n } = useTranslation();
  const store = useStore();
  const { slug = '' } = useParams();
  const navigate = useNavigate();
  const client = useQueryClient();
  const [consenting, setConsenting] = useState(false);
  const [ticked, setTicked] = useState<Record<string, boolean>>({});
  const entry = useQuery({ queryKey: ['catalog-entry', store, slug], queryFn: () => call<CatalogEntry>('stores/' + store + '/catalog/' + slug) });
  // its own key: "not installed" (null) must never stand in for the installation page's data
  const installed = useQuery({
    queryKey: ['plugin-installed', store, slug],
    queryFn: () => call<Installation>('stores/' + store + '/plugins/' + slug).catch(() => null),
  });
  const install = useMutation({
    mutationFn: (e: CatalogEntry) =>
      call<Installation>('stores/' + store + '/plugins', {
        method: 'POST',
        body: { pluginId: e.slug, version: e.version, configuration: {}, consent: e.permissions },
      }),
    onSuccess: (i) => {
      client.invalidateQueries({ queryKey: ['plugins', store] });
      client.invalidateQueries({ queryKey: ['plugin-installed', store, i.pluginId] });
      client.setQueryData(['plugin', store, i.pluginId], i);
      navigate('/stores/' + store + '/plugins/' + i.pluginId);
    },
  });
  if (entry.isPending) return <Loading />;
  if (entry.error) return <QueryFailure error={entry.error} />;
  const e = entry.data;
  const items = [
    ...e.permissions.egressHosts.map((h) => ({ key: 'h:' + h, label: t('listing.egress', { host: h }) })),
    ...e.permissions.events.map((v) => ({ key: 'e:' + v, label: t('listing.event', { event: t('event.' + v, { defaultValue: v }) }) })),
    ...e.permissions.data.map((d) => ({ key: 'd:' + d, label: t('listing.data', { data: t('data.' + d, { defaultValue: d }) }) })),
  ];
  const allTicked = items.every((i) => ticked[i.key]);
  const description = e.descriptions?.[i18n.language] ?? e.descriptions?.[i18n.language.split('-')[0]] ?? e.descriptions?.en;
  return (
    <Stack>
      <Title order={1}>{e.name}</Title>
      <Text>{e.summary}</Text>
      {description ? <Text>{description}</Text> : null}
      <Group>
        <Text>{t('listing.version', { version: e.version })}</Text>
        <Text><Price pricing={e.pricing} /></Text>
        <Text>{t('listing.developer', { developer: e.developer })}</Text>
      </Group>
      <Text size="sm">{t('listing.countries', { countries: e.countries.map((c) => formatCountry(c, i18n.language)).join(', ') })}</Text>
      <Disclosure entry={e} />
      {installed.data ? (
        <Anchor component={Link} to={'/stores/' + store + '/plugins/' + e.slug}>{t('listing.installed')}</Anchor>
      ) : (
        <Group><Button onClick={() => setConsenting(true)} data-testid="install">{t('listing.install')}</Button></Group>
      )}
      <Modal closeButtonProps={{ 'aria-label': t('common.close') }} opened={consenting} onClose={() => setConsenting(false)} title={t('consent.title', { name: e.name })}>
        <Stack>
          <Text>{items.length === 0 ? t('consent.nothing') : t('consent.intro')}</Text>
          {items.map((i) => (
            <Checkbox key={i.key} label={i.label} checked={!!ticked[i.key]} onChange={(ev) => setTicked({ ...ticked, [i.key]: ev.currentTarget.checked })} />
          ))}
          <ProblemAlert error={install.error} />
          <Group justify="end">
            <Button variant="default" onClick={() => setConsenting(false)}>{t('common.cancel')}</Button>
            <Button disabled={!allTicked} loading={install.isPending} onClick={() => install.mutate(e)} data-testid="consent-install">
              {t('consent.confirm')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}

export function InstallationPage() {
  const { t, i18n } = useTranslation();
  const store = useStore();
  const { plugin = '' } = useParams();
  const navigate = useNavigate();
  const client = useQueryClient();
  const [uninstalling, setUninstalling] = useState(false);
  const [purge, setPurge] = useState('keep');
  const [reason, setReason] = useState('');
  const key = ['plugin', store, plugin];
  const inst = useQuery({ queryKey: key, queryFn: () => call<Installation>('stores/' + store + '/plugins/' + plugin) });
  const entry = useQuery({
    queryKey: ['catalog-entry', store, plugin], queryFn: () => call<CatalogEntry>('stores/' + store + '/catalog/' + plugin),
    enabled: inst.isSuccess,
  });
  const act = useMutation({
    mutationFn: (what: 'enable' | 'disable') =>
      call<Installation>('stores/' + store + '/plugins/' + plugin + '/' + what, { method: 'POST', body: what === 'disable' ? { reason: reason || null } : undefined }),
    onSuccess: (i) => client.setQueryData(key, i),
  });
  const remove = useMutation({
    mutationFn: () => call<void>('stores/' + store + '/plugins/' + plugin + '?purgeData=' + (purge === 'purge'), { method: 'DELETE' }),
    onSuccess: () => {
      client.removeQueries({ queryKey: key });
      client.invalidateQueries({ queryKey: ['plugins', store] });
      client.invalidateQueries({ queryKey: ['plugin-installed', store, plugin] });
      navigate('/stores/' + store);
    },
  });
  if (inst.isPending) return <Loading />;
  if (inst.error) return <QueryFailure error={inst.error} />;
  const i = inst.data;
  return (
    <Stack>
      <Title order={1}>{i.pluginName}</Title>
      <Group>
        <Badge color={i.status === 'ENABLED' ? 'green' : 'gray'} data-testid="install-status">{t('installStatus.' + i.status, { defaultValue: i.status })}</Badge>
        <Text>{t('listing.version', { version: i.version })}</Text>
        <Text>{t('runsIn.' + i.runsIn, { defaultValue: i.runsIn })}</Text>
        <Text size="sm" c="dimmed">{t('plugin.installedAt', { date: formatDate(i.installedAt, i18n.language) })}</Text>
      </Group>
      {i.statusReason ? <Text size="sm">{t('plugin.reason', { reason: i.statusReason })}</Text> : null}
      <ProblemAlert error={act.error} />
      <Group>
        {i.status === 'ENABLED' ? (
          <>
            <TextInput label={t('plugin.disableReason')} value={reason} onChange={(e) => setReason(e.currentTarget.value)} />
            <Button variant="default" onClick={() => act.mutate('disable')} loading={act.isPending} data-testid="disable">{t('plugin.disable')}</Button>
          </>
        ) : (
          <Button onClick={() => act.mutate('enable')} loading={act.isPending} data-testid="enable">{t('plugin.enable')}</Button>
        )}
        <Button color="red" variant="outline" onClick={() => setUninstalling(true)} data-testid="uninstall">{t('plugin.uninstall')}</Button>
      </Group>
      <Title order={2}>{t('plugin.configuration')}</Title>
      {entry.isPending ? <Loading /> : entry.error ? <ProblemAlert error={entry.error} /> : (
        <Suspense fallback={<Loading />}>
          <ConfigurationForm
            store={store}
            installation={i}
            schema={entry.data.configurationSchema}
            secretFields={entry.data.secretFields}
            onSaved={(saved) => client.setQueryData(key, saved)}
          />
        </Suspense>
      )}
      <Modal closeButtonProps={{ 'aria-label': t('common.close') }} opened={uninstalling} onClose={() => setUninstalling(false)} title={t('uninstall.title', { name: i.pluginName })}>
        <Stack>
          <Radio.Group value={purge} onChange={setPurge} label={t('uninstall.data')}>
            <Stack mt="xs">
              <Radio value="keep" label={t('uninstall.keep')} />
              <Radio value="purge" label={t('uninstall.purge')} />
            </Stack>
          </Radio.Group>
          <ProblemAlert error={remove.error} />
          <Group justify="end">
            <Button variant="default" onClick={() => setUninstalling(false)}>{t('common.cancel')}</Button>
            <Button color="red" onClick={() => remove.mutate()} loading={remove.isPending} data-testid="confirm-uninstall">{t('uninstall.confirm')}</Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}

