/**
 * Property tests run with a fixed seed, so a CI run is reproducible; explore other inputs with
 * `FC_SEED=<number> npm test` (a failure prints its seed and the shrunk counterexample).
 */
import fc from 'fast-check'

fc.configureGlobal({seed: Number(process.env.FC_SEED ?? 20241130)})
