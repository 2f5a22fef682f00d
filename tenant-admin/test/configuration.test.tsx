import { describe, expect, it } from 'vitest';
import { screen } from '@testing-library/react';
import Form from '@rjsf/mantine';
import validator from '@rjsf/validator-ajv8';
import { renderUi } from './render';
import { errorSchemaOf } from '../src/pages/ConfigurationForm';
import { ProblemError } from '../src/api';

const schema = {
  type: 'object' as const,
  properties: { label: { type: 'string' as const }, apiKey: { type: 'string' as const, minLength: 8 } },
};

describe('configuration form', () => {
  it("puts the server's message in the block of the field it names, not another", () => {
    const error = new ProblemError(400, 'Invalid', 'configuration: apiKey is too short', [
      { field: 'configuration/apiKey', message: 'must be at least 8 characters' },
    ]);
    const { container } = renderUi(
      <Form schema={schema} uiSchema={{ apiKey: { 'ui:widget': 'password' } }} validator={validator} noValidate showErrorList={false} extraErrors={errorSchemaOf(error)} />,
    );
    const messages = screen.getAllByText('must be at least 8 characters');
    expect(container.querySelectorAll('.rjsf-field').length).toBeGreaterThan(1);
    for (const message of messages) {
      const field = message.closest('.rjsf-field');
      expect(field).not.toBeNull();
      expect(field!.querySelector('input[type="password"]')).not.toBeNull();
    }
  });
});
