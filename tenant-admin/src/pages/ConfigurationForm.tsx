import { useMemo, useState } from 'react';
import { Alert, Button, Group } from '@mantine/core';
import Form from '@rjsf/mantine';
import type { ErrorSchema, RJSFSchema, UiSchema } from '@rjsf/utils';
import validator from '@rjsf/validator-ajv8';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { call, fieldPath, ProblemError } from '../api';
import { ProblemAlert } from '../common';
import type { Installation } from './merchant';

interface Props {
  store: string;
  installation: Installation;
  schema: Record<string, unknown>;
  secretFields: string[];
  onSaved: (i: Installation) => void;
}

const norm = (p: string) => p.replace(/^\//, '');

/** "/apiKey" -> ["apiKey"] */
function pointer(p: string): string[] {
  return p.split('/').filter(Boolean);
}

/** The server's field errors placed on their fields (rjsf's error schema). */
export function errorSchemaOf(error: unknown): ErrorSchema | undefined {
  if (!(error instanceof ProblemError) || error.errors.length === 0) return undefined;
  const root: Record<string, any> = {};
  for (const e of error.errors) {
    let node = root;
    for (const part of fieldPath(e.field)) node = node[part] ??= {};
    (node.__errors ??= []).push(e.message);
  }
  return root as ErrorSchema;
}

/**
 * The plugin's configuration form, generated from its JSON Schema. Secret fields are write-only:
 * the API never returns them; the form shows whether one is set and sends only what is typed.
 * The server is the one validator (its messages land on their fields), so nothing is checked twice
 * with two rule sets.
 */
export default function ConfigurationForm({ store, installation, schema, secretFields, onSaved }: Props) {
  const { t } = useTranslation();
  const [data, setData] = useState<Record<string, unknown>>(installation.configuration ?? {});
  const [saved, setSaved] = useState(false);
  const uiSchema = useMemo(() => {
    const ui: UiSchema = { 'ui:submitButtonOptions': { norender: true } };
    for (const s of secretFields) {
      let node: any = ui;
      for (const part of pointer(s)) node = node[part] ??= {};
      node['ui:widget'] = 'password';
      node['ui:placeholder'] = installation.secretsSet.map(norm).includes(norm(s)) ? t('config.secretSet') : t('config.secretUnset');
      node['ui:help'] = t('config.secretHelp');
    }
    return ui;
  }, [secretFields, installation.secretsSet, t]);
  const save = useMutation({
    mutationFn: (configuration: Record<string, unknown>) =>
      call<Installation>('stores/' + store + '/plugins/' + installation.pluginId + '/configuration', {
        method: 'PUT',
        body: { configuration },
      }),
    onSuccess: (i) => {
      setSaved(true);
      onSaved(i);
    },
  });
  const submit = () => {
    setSaved(false);
    const out: Record<string, unknown> = { ...data };
    for (const s of secretFields) {
      const [first] = pointer(s);
      if (out[first] === '' || out[first] == null) delete out[first];
    }
    save.mutate(out);
  };
  return (
    <div data-testid="configuration-form">
      <Form
        schema={schema as RJSFSchema}
        uiSchema={uiSchema}
        formData={data}
        validator={validator}
        noValidate
        showErrorList={false}
        extraErrors={errorSchemaOf(save.error)}
        onChange={(e) => setData((e.formData as Record<string, unknown>) ?? {})}
        onSubmit={submit}
      >
        <Group mt="md">
          <Button type="submit" loading={save.isPending} data-testid="save-configuration">
            {t('config.save')}
          </Button>
        </Group>
      </Form>
      {save.error && errorSchemaOf(save.error) === undefined ? <ProblemAlert error={save.error} /> : null}
      {save.error && errorSchemaOf(save.error) ? (
        <Alert color="red" mt="sm" role="alert" data-testid="problem">
          {(save.error as ProblemError).detail || t('config.fix')}
        </Alert>
      ) : null}
      {saved ? (
        <Alert color="green" mt="sm" role="status" data-testid="saved">
          {t('config.saved')}
        </Alert>
      ) : null}
    </div>
  );
}
