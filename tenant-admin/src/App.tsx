import { lazy, Suspense, useState } from 'react';
import { AppShell, Group, MantineProvider, createTheme, NativeSelect, Button, Title, NavLink, Text } from '@mantine/core';
import { QueryClient, QueryClientProvider, useQuery } from '@tanstack/react-query';
import { BrowserRouter, Link, Navigate, Route, Routes, useLocation, useNavigate, useParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { call, ProblemError } from './api';
import { signOut } from './auth';
import { LANGUAGES } from './i18n';
import { ErrorPage, Loading, PageBoundary, PageFailed, QueryFailure } from './common';

export interface Me {
  id: string;
  username: string;
  email: string;
  roles: string[];
  stores: string[];
}

const merchant = () => import('./pages/merchant');
const Dashboard = lazy(() => merchant().then((m) => ({ default: m.Dashboard })));
const Catalogue = lazy(() => merchant().then((m) => ({ default: m.Catalogue })));
const ListingPage = lazy(() => merchant().then((m) => ({ default: m.ListingPage })));
const InstallationPage = lazy(() => merchant().then((m) => ({ default: m.InstallationPage })));
const admin = () => import('./pages/admin');
const ReviewQueue = lazy(() => admin().then((m) => ({ default: m.ReviewQueue })));
const AdminStores = lazy(() => admin().then((m) => ({ default: m.AdminStores })));
const developer = () => import('./pages/developer');
const DeveloperListings = lazy(() => developer().then((m) => ({ default: m.DeveloperListings })));
const DeveloperListing = lazy(() => developer().then((m) => ({ default: m.DeveloperListing })));

/**
 * Colours that pass WCAG AA for small text: shade 9 of each colour for filled buttons and badges, and
 * black or white text chosen by the background's luminance.
 */
export const theme = createTheme({ primaryShade: 9, autoContrast: true, luminanceThreshold: 0.18 });

export function basename(): string {
  return new URL(document.baseURI).pathname.replace(/\/$/, '');
}

export function Root() {
  const [client] = useState(
    () =>
      new QueryClient({
        defaultOptions: {
          queries: {
            // a 4xx is an answer, not a glitch: never retried
            retry: (count, error) => !(error instanceof ProblemError && error.status < 500) && count < 2,
            refetchOnWindowFocus: false,
          },
        },
      }),
  );
  return (
    <MantineProvider theme={theme}>
      <QueryClientProvider client={client}>
        <BrowserRouter basename={basename()}>
          <Shell />
        </BrowserRouter>
      </QueryClientProvider>
    </MantineProvider>
  );
}

export function useMe() {
  return useQuery({ queryKey: ['me'], queryFn: () => call<Me>('me') });
}

function Shell() {
  const { t, i18n } = useTranslation();
  const location = useLocation();
  const me = useMe();
  return (
    <AppShell header={{ height: 60 }} navbar={{ width: 220, breakpoint: 'sm' }} padding="md">
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between">
          <Title order={2} size="h4">
            {t('app.title')}
          </Title>
          <Group>
            {me.data && me.data.stores.length > 0 ? <StoreSwitcher stores={me.data.stores} /> : null}
            <NativeSelect
              aria-label={t('app.language')}
              data-testid="language"
              value={i18n.language}
              onChange={(e) => i18n.changeLanguage(e.currentTarget.value)}
              data={LANGUAGES.map((l) => ({ value: l.code, label: l.label }))}
            />
            <Text size="sm">{me.data?.username}</Text>
            <Button variant="default" size="xs" onClick={signOut}>
              {t('app.signOut')}
            </Button>
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="sm" component="nav" aria-label={t('app.navigation')}>
        {me.data ? <Navigation me={me.data} /> : null}
      </AppShell.Navbar>
      <AppShell.Main>
        {me.isPending ? <Loading /> : me.error ? <QueryFailure error={me.error} /> : (
          <PageBoundary key={location.pathname} fallback={<PageFailed />}>
          <Suspense fallback={<Loading />}>
            <Routes>
              <Route path="/" element={<Home me={me.data} />} />
              <Route path="/stores/:store" element={<Dashboard />} />
              <Route path="/stores/:store/catalog" element={<Catalogue />} />
              <Route path="/stores/:store/catalog/:slug" element={<ListingPage />} />
              <Route path="/stores/:store/plugins/:plugin" element={<InstallationPage />} />
              <Route path="/admin/reviews" element={<ReviewQueue />} />
              <Route path="/admin/stores" element={<AdminStores />} />
              <Route path="/developer/listings" element={<DeveloperListings />} />
              <Route path="/developer/listings/:slug" element={<DeveloperListing />} />
              <Route path="*" element={<ErrorPage status={404} />} />
            </Routes>
          </Suspense>
          </PageBoundary>
        )}
      </AppShell.Main>
    </AppShell>
  );
}

function Home({ me }: { me: Me }) {
  if (me.stores.length > 0) return <Navigate to={'/stores/' + me.stores[0]} replace />;
  if (me.roles.includes('platform-admin')) return <Navigate to="/admin/reviews" replace />;
  if (me.roles.includes('plugin-developer')) return <Navigate to="/developer/listings" replace />;
  return <ErrorPage status={403} />;
}

function StoreSwitcher({ stores }: { stores: string[] }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const location = useLocation();
  const current = location.pathname.match(/^\/stores\/([^/]+)/)?.[1] ?? '';
  return (
    <NativeSelect
      aria-label={t('app.store')}
      data-testid="store-switcher"
      value={stores.includes(current) ? current : ''}
      onChange={(e) => navigate('/stores/' + e.currentTarget.value)}
      data={[...(stores.includes(current) ? [] : [{ value: '', label: t('app.chooseStore') }]), ...stores]}
    />
  );
}

function Navigation({ me }: { me: Me }) {
  const { t } = useTranslation();
  const location = useLocation();
  const store = location.pathname.match(/^\/stores\/([^/]+)/)?.[1] ?? me.stores[0];
  const link = (to: string, label: string) => (
    <NavLink key={to} component={Link} to={to} label={label} active={location.pathname === to} />
  );
  return (
    <>
      {store ? (
        <>
          <Text size="xs" c="dimmed" tt="uppercase" mt="xs">
            {t('nav.store', { store })}
          </Text>
          {link('/stores/' + store, t('nav.dashboard'))}
          {link('/stores/' + store + '/catalog', t('nav.catalogue'))}
        </>
      ) : null}
      {me.roles.includes('plugin-developer') ? (
        <>
          <Text size="xs" c="dimmed" tt="uppercase" mt="xs">
            {t('nav.developer')}
          </Text>
          {link('/developer/listings', t('nav.listings'))}
        </>
      ) : null}
      {me.roles.includes('platform-admin') ? (
        <>
          <Text size="xs" c="dimmed" tt="uppercase" mt="xs">
            {t('nav.admin')}
          </Text>
          {link('/admin/reviews', t('nav.reviews'))}
          {link('/admin/stores', t('nav.stores'))}
        </>
      ) : null}
    </>
  );
}

export function useStore(): string {
  return useParams().store ?? '';
}
