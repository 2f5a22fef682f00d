/// <reference types="vitest/config" />
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// Built into the jar's META-INF/resources/console/: the platform WAR serves it at <context>/console/
// (ConsoleFilter injects <base href> so deep links load the same relative assets).
export default defineConfig({
  base: './',
  plugins: [react()],
  build: {
    outDir: 'target/classes/META-INF/resources/console',
    emptyOutDir: true,
    // the configuration form (rjsf + ajv + @mantine/dates) is one lazy chunk of ~700 kB raw, loaded only on an installation's page
    chunkSizeWarningLimit: 800,
  },
  test: {
    environment: 'jsdom',
    include: ['test/**/*.test.tsx', 'test/**/*.test.ts'],
    setupFiles: ['test/setup.ts'],
    css: false,
    // @rjsf/mantine imports dayjs plugins without their .js extension: let Vite resolve them
    server: { deps: { inline: ['@rjsf/mantine'] } },
  },
});
