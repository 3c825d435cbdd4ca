import {defineConfig} from 'vitest/config'

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    setupFiles: ['test/setup.ts'],
    // Compiles dist/ if it is missing or older than src/ (tests spawn the compiled command).
    globalSetup: ['test/global-setup.ts'],
    // Two cores: PDF and LibreOffice tests are heavy; keep workers few.
    maxWorkers: 2,
    testTimeout: 120_000,
    hookTimeout: 300_000
  }
})
