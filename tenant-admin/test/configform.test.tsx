import { describe, expect, it } from 'vitest';
import { screen } from '@testing-library/react';
import { renderUi } from './render';
import ConfigurationForm from '../src/pages/ConfigurationForm';
import type { Installation } from '../src/pages/merchant';

const schema = {
  type: 'object', additionalProperties: false,
  properties: {
    label: { type: 'string', maxLength: 200, description: 'Appended to every tax line' },
    countCalls: { type: 'boolean', description: 'Count quotes' },
    apiKey: { type: 'string', minLength: 8, maxLength: 200, description: 'A secret' },
  },
};

describe('configuration form from a plugin schema', () => {
  it('renders secret fields as empty password inputs that say whether a value is set', () => {
    const installation = { pluginId: 'echo', configuration: {}, secretsSet: ['/apiKey'] } as unknown as Installation;
    renderUi(<ConfigurationForm store="s" installation={installation} schema={schema} secretFields={['/apiKey']} onSaved={() => {}} />);
    const secret = document.querySelector('input[type="password"]') as HTMLInputElement;
    expect(secret).not.toBeNull();
    expect(secret.value).toBe('');
    expect(secret.placeholder).toContain('A value is set');
    expect(screen.getByTestId('save-configuration')).toBeTruthy();
  });
});
