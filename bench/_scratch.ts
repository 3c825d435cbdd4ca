import {unified} from 'unified'
import remarkParse from 'remark-parse'
import remarkGfm from 'remark-gfm'
const p = unified().use(remarkParse).use(remarkGfm)
const row = '| 1 | 1.发挥重大建设项目带动支撑作用。 | 落实《浙江省重大建设项目管理办法》，推进区亿元以上重大项目年度实施计划，支持重大建设项目审批能快则快、要素保障应保尽保。持续推进投资“赛马”激励，推动激励措施充分快速兑现。 | 区发改局 | 区资规分局 | 2024年12月31日 |\n'
const para = '落实《浙江省重大建设项目管理办法》，推进区亿元以上重大项目年度实施计划，支持重大建设项目审批能快则快、要素保障应保尽保。持续推进投资“赛马”激励，推动激励措施充分快速兑现。\n\n'
p.parse('| a | b |\n|---|---|\n| 1 | 2 |\n')
for (const n of [100, 400, 1600]) {
  const table = '| a | b | c | d | e | f |\n|---|---|---|---|---|---|\n' + row.repeat(n)
  let t = performance.now(); p.parse(table); const a = performance.now() - t
  const tables = ('| a | b | c | d | e | f |\n|---|---|---|---|---|---|\n' + row.repeat(10) + '\n').repeat(n / 10)
  t = performance.now(); p.parse(tables); const b = performance.now() - t
  t = performance.now(); p.parse(para.repeat(n)); const c = performance.now() - t
  t = performance.now(); unified().use(remarkParse).parse(para.repeat(n)); const d = performance.now() - t
  console.log(n, table.length, 'one table', a.toFixed(0), 'tables of 10', b.toFixed(0), 'paras gfm', c.toFixed(0), 'paras plain', d.toFixed(0))
}
