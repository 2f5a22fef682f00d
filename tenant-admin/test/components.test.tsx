import { describe, expect, it } from 'vitest';
import { screen } from '@testing-library/react';
import { renderUi } from './render';
import { ProblemAlert, QueryFailure } from '../src/common';
import { ProblemError } from '../src/api';
import { Disclosure, type CatalogEntry } from '../src/pages/merchant';
import { CheckReport } from '../src/pages/Report';
import { errorSchemaOf } from '../src/pages/ConfigurationForm';

const entry = {
  slug: 'echo', name: 'Echo', summary: '', descriptions: {}, kinds: ['TAX'], countries: ['DE'],
  pricing: { model: 'FREE', trialDays: 0 }, developer: 'dev', ratingCount: 0, version: '1.0.0',
  permissions: { egressHosts: ['api.example.com'], events: ['PLACED'], data: ['CUSTOMER_CONTACT'] },
  extensions: [{ point: 'TAX_CALCULATOR', failurePolicy: 'FAIL_CLOSED' }], configurationSchema: {}, secretFields: [],
} as unknown as CatalogEntry;

describe('problem documents', () => {
  it('show their detail', () => {
    renderUi(<ProblemAlert error={new ProblemError(409, 'Conflict', 'The plugin is already installed.')} />);
    expect(screen.getByRole('alert').textContent).toContain('The plugin is already installed.');
  });
  it('a 403 is the not-allowed page, in Chinese too', () => {
    renderUi(<QueryFailure error={new ProblemError(403, 'Forbidden', 'Not a member of osaka-tea.')} />, 'zh-CN');
    expect(screen.getByRole('heading').textContent).toBe('无权访问');
    expect(screen.getByText('Not a member of osaka-tea.')).toBeTruthy();
  });
  it('field errors land on their field path', () => {
    const schema = errorSchemaOf(new ProblemError(400, 'Invalid', 'x', [{ field: 'configuration/apiKey', message: 'too short' }]));
    expect(schema).toEqual({ apiKey: { __errors: ['too short'] } });
  });
  it('the server names nested and array fields as the request does, and each lands on its own field', () => {
    const schema = errorSchemaOf(
      new ProblemError(400, 'Invalid', 'x', [
        { field: 'configuration.credentials.apiKey', message: 'is missing' },
        { field: 'configuration.hosts[1]', message: 'is not a host' },
      ]),
    );
    expect(schema).toEqual({ credentials: { apiKey: { __errors: ['is missing'] } }, hosts: { '1': { __errors: ['is not a host'] } } });
  });
});

describe('listing disclosure', () => {
  it('says in plain words what installing allows and what failure does', () => {
    renderUi(<Disclosure entry={entry} />);
    const text = screen.getByTestId('disclosure').textContent!;
    expect(text).toContain('Send requests to api.example.com');
    expect(text).toContain('Be told when: an order is placed');
    expect(text).toContain("Read your customers' contact details");
    expect(text).toContain('Tax calculation: the step stops with a clear error');
  });
  it('in Simplified Chinese', () => {
    renderUi(<Disclosure entry={entry} />, 'zh-CN');
    expect(screen.getByTestId('disclosure').textContent).toContain('向 api.example.com 发送请求');
  });
});

describe('check report', () => {
  it('lists every rule with its outcome and message', () => {
    renderUi(
      <CheckReport
        report={{ passed: false, summary: '1 failed', checks: [
          { rule: 'imports', status: 'FAILED', message: 'com.x.Foo imports java.net.Socket: use the egress client' },
          { rule: 'manifest', status: 'PASSED', message: '' },
        ] }}
      />,
    );
    expect(screen.getByTestId('check-FAILED').textContent).toContain('com.x.Foo imports java.net.Socket');
    expect(screen.getByTestId('check-PASSED').textContent).toContain('manifest');
  });
});
