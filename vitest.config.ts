import {defineConfig} from 'vitest/config'

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    setupFiles: ['test/setup.ts'],
    // Two cores: PDF and LibreOffice tests are heavy; keep workers few.
    maxWorkers: 2,
    testTimeout: 120_000,
    hookTimeout: 300_000
  }
})
