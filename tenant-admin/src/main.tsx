import '@mantine/core/styles.css';
import './contrast.css';
import { createRoot } from 'react-dom/client';
import { signIn, token, type ConsoleConfig } from './auth';
import { useTokens } from './api';
import { initI18n } from './i18n';
import { Root } from './App';

async function start() {
  initI18n();
  const config: ConsoleConfig = await (await fetch('config.json')).json();
  await signIn(config);
  useTokens(token);
  createRoot(document.getElementById('root')!).render(<Root />);
}

start().catch((e) => {
  document.getElementById('root')!.textContent = 'Caravan console could not start: ' + (e?.message ?? e);
});
