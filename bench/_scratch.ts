import {parsePolicy} from '../src/parse/index.ts'
import {enrichPolicy} from '../src/extract/index.ts'
import {loadRegistry} from '../src/units/registry.ts'
import {loadTemplates, render} from '../src/template/index.ts'
import {noticeDocuments} from '../src/view/notice.ts'
import {tasklistDocuments} from '../src/view/tasklist.ts'
import {parseDocument} from '../src/doc/parse.ts'
import {unified} from 'unified'
import remarkParse from 'remark-parse'
import remarkGfm from 'remark-gfm'
import {syntheticPolicy} from './synthetic.ts'
const registry = loadRegistry('source/xiuzhou-units.yml')
const templates = loadTemplates()
for (const times of [1, 10, 30]) {
  const {policy} = await parsePolicy({path: 'p.txt', text: syntheticPolicy(times)}, {registry})
  enrichPolicy(policy)
  const ctx = {policy, config: {}, registry}
  const notice = noticeDocuments(ctx)[0]!
  const md = render(templates, 'notice', notice.data)
  let t = performance.now()
  parseDocument(md)
  const a = performance.now() - t
  t = performance.now()
  unified().use(remarkParse).parse(md)
  const b = performance.now() - t
  t = performance.now()
  unified().use(remarkParse).use(remarkGfm).parse(md)
  const c = performance.now() - t
  t = performance.now()
  const lists = tasklistDocuments(ctx)
  const v = performance.now() - t
  console.log(times, md.length, 'parseDocument', a.toFixed(0), 'remark', b.toFixed(0), 'remark+gfm', c.toFixed(0), 'tasklist views', v.toFixed(0), lists.length)
}
