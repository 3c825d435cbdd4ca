/** Shared settings of the benches: the sample, its registry and config, the formats to write. */
import {fileURLToPath} from 'node:url'
import {allFormats, type Config, type Format} from '../src/config/types.ts'

export const samplePath = fileURLToPath(new URL('../source/xiuzhou-2024.txt', import.meta.url))
export const registryPath = fileURLToPath(new URL('../source/xiuzhou-units.yml', import.meta.url))
export const benchConfig: Config = {
  issuer: '嘉兴市秀洲区人民政府办公室',
  documentNumber: '秀政办发〔2024〕5号',
  date: '2024-03-05',
  copiesTo: ['区委办', '区人大办', '区政协办']
}

export const formats: Format[] = process.env.BENCH_FORMATS ? (process.env.BENCH_FORMATS.split(',') as Format[]) : [...allFormats]
