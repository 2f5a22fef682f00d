import { Component, type ErrorInfo, type ReactNode } from 'react';
import { Alert, Center, Loader, Stack, Text, Title, Anchor } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { ProblemError } from './api';

/** A problem document as the person should read it: its detail, or a plain sentence for its status. */
export function ProblemAlert({ error }: { error: unknown }) {
  const { t } = useTranslation();
  if (!error) return null;
  const p = error instanceof ProblemError ? error : undefined;
  const text = p?.detail || (p ? t('errors.status', { status: p.status }) : t('errors.unexpected'));
  return (
    <Alert color="red" title={t('errors.title')} role="alert" data-testid="problem">
      {text}
    </Alert>
  );
}

export function Loading() {
  const { t } = useTranslation();
  return (
    <Center p="xl" role="status" aria-live="polite">
      <Loader size="sm" aria-hidden />
      <Text ml="sm">{t('common.loading')}</Text>
    </Center>
  );
}

export function Empty({ children }: { children: React.ReactNode }) {
  return (
    <Text c="dimmed" p="md" data-testid="empty">
      {children}
    </Text>
  );
}

/** 403 and 404 as pages of their own (the API's detail underneath when there is one). */
export function ErrorPage({ status, error }: { status: 403 | 404; error?: unknown }) {
  const { t } = useTranslation();
  return (
    <Stack p="xl" data-testid={'page-' + status}>
      <Title order={1}>{status === 403 ? t('errors.forbiddenTitle') : t('errors.notFoundTitle')}</Title>
      <Text>{status === 403 ? t('errors.forbiddenText') : t('errors.notFoundText')}</Text>
      {error instanceof ProblemError && error.detail ? <Text c="dimmed">{error.detail}</Text> : null}
      <Anchor component={Link} to="/">
        {t('errors.home')}
      </Anchor>
    </Stack>
  );
}

/** What a query's failure becomes: the 403/404 page, or the problem's detail. */
export function QueryFailure({ error }: { error: unknown }) {
  if (error instanceof ProblemError && (error.status === 403 || error.status === 404)) {
    return <ErrorPage status={error.status} error={error} />;
  }
  return <ProblemAlert error={error} />;
}

/** A page that fails to render shows a sentence, never a blank screen or a stack trace. */
export class PageBoundary extends Component<{ children: ReactNode; fallback: ReactNode }, { failed: boolean }> {
  state = { failed: false };
  static getDerivedStateFromError() {
    return { failed: true };
  }
  componentDidCatch(error: unknown, info: ErrorInfo) {
    console.error('console page failed', error, info.componentStack);
  }
  render() {
    return this.state.failed ? this.props.fallback : this.props.children;
  }
}

export function PageFailed() {
  const { t } = useTranslation();
  return (
    <Alert color="red" title={t('errors.title')} role="alert" data-testid="page-failed">
      {t('errors.unexpected')}
    </Alert>
  );
}
