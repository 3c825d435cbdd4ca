// policy-press serve: the page. Plain DOM, no framework; every request goes to the API in app.ts.
// Data from the server is always put into the page as text (textContent), never as HTML.

const $ = (id) => document.getElementById(id)
const state = {policy: null, analysis: null, editSeq: 0, saveTimer: 0, highlightLine: 0, building: false}

/** Build an element: h('li', {class: 'x', onclick: f}, child, 'text'). */
function h(tag, attributes = {}, ...children) {
  const element = document.createElement(tag)
  for (const [key, value] of Object.entries(attributes)) {
    if (value === undefined || value === null || value === false) continue
    if (key.startsWith('on')) element.addEventListener(key.slice(2), value)
    else if (key === 'class') element.className = value
    else element.setAttribute(key, value === true ? '' : String(value))
  }
  for (const child of children.flat()) {
    if (child === undefined || child === null || child === false) continue
    element.append(child instanceof Node ? child : document.createTextNode(String(child)))
  }
  return element
}

/** Call the API; state-changing requests carry the header the server requires. Throws {message, hint, field}. */
async function api(method, url, body) {
  const headers = {}
  let payload
  if (method !== 'GET') headers['X-Policy-Press'] = '1'
  if (body instanceof FormData) payload = body
  else if (body !== undefined) {
    headers['Content-Type'] = 'application/json'
    payload = JSON.stringify(body)
  }
  const response = await fetch(url, {method, headers, body: payload})
  const data = await response.json().catch(() => ({error: {message: `服务器没有正常回答（${response.status}）`}}))
  if (!response.ok) throw Object.assign(new Error(data.error?.message ?? '出错了'), data.error ?? {})
  return data
}

const q = (policy) => `path=${encodeURIComponent(policy)}`

/** Show an error (the command line's message and hint) in a box next to what caused it. */
function showError(box, error) {
  box.replaceChildren()
  if (!error) {
    box.hidden = true
    return
  }
  box.append(h('p', {}, `错误：${error.message}`))
  if (error.hint) box.append(h('p', {}, `怎么办：${error.hint}`))
  box.hidden = false
}

// ---- 1 open -------------------------------------------------------------------------------

async function loadPolicies(select) {
  const data = await api('GET', '/api/policies')
  $('workspace-name').textContent = `（${data.workspace}）`
  const list = $('policies')
  list.replaceChildren(
    ...data.policies.map((policy) =>
      h('li', {}, h('button', {type: 'button', class: 'link', 'aria-current': policy.path === state.policy ? 'true' : undefined, onclick: () => openPolicy(policy.path)}, policy.path),
        h('span', {class: 'muted'}, ` ${size(policy.bytes)}`))
    )
  )
  $('policies-empty').hidden = data.policies.length > 0
  if (select) await openPolicy(select)
}

async function upload(file) {
  showError($('upload-error'), null)
  const form = new FormData()
  form.append('file', file)
  try {
    const data = await api('POST', '/api/policies', form)
    await loadPolicies(data.saved)
  } catch (error) {
    showError($('upload-error'), error)
  } finally {
    $('upload').value = ''
  }
}

$('upload').addEventListener('change', () => {
  const file = $('upload').files[0]
  if (file) upload(file)
})
const drop = $('drop')
drop.addEventListener('dragover', (event) => {
  event.preventDefault()
  drop.classList.add('over')
})
drop.addEventListener('dragleave', () => drop.classList.remove('over'))
drop.addEventListener('drop', (event) => {
  event.preventDefault()
  drop.classList.remove('over')
  const file = event.dataTransfer?.files?.[0]
  if (file) upload(file)
})

async function openPolicy(policy) {
  await flushSave()
  state.policy = policy
  history.replaceState(null, '', `#${encodeURIComponent(policy)}`)
  $('current').textContent = `当前政策：${policy}`
  for (const button of $('policies').querySelectorAll('button')) {
    if (button.textContent === policy) button.setAttribute('aria-current', 'true')
    else button.removeAttribute('aria-current')
  }
  $('build').disabled = false
  $('config-save').disabled = false
  const data = await api('GET', `/api/policy?${q(policy)}`).catch((error) => ({error, text: '', outline: [], messages: [], units: []}))
  const source = $('source')
  source.value = data.text ?? ''
  source.readOnly = !data.editable
  $('source-help').textContent = data.editable
    ? '可以直接修改原文：停止输入片刻后自动保存到工作文件夹，结构和校对结果随之更新。'
    : 'Word 文件在这里只能查看（显示的是转换后的文字，行号与校对结果一致）；请在 Word 或 WPS 里修改后重新上传。'
  $('save-state').textContent = ''
  state.highlightLine = 0
  renderAnalysis(data)
  $('ledger-upload').disabled = false
  $('collect-run').disabled = false
  $('collect-result').replaceChildren()
  showError($('collect-error'), null)
  await Promise.all([loadConfig(), loadOutputs(), loadLedgers()])
}

// ---- 2 structure ----------------------------------------------------------------------------

function renderAnalysis(data) {
  state.analysis = data
  showError($('source-error'), data.error)
  const title = data.title ? `${data.title}${data.status ? `（${data.status}）` : ''}` : ''
  $('current').textContent = `当前政策：${state.policy}${title ? ` — ${title}` : ''}`
  const filter = $('unit-filter')
  const chosen = filter.value
  filter.replaceChildren(h('option', {value: ''}, '全部单位'), ...(data.units ?? []).map((unit) => h('option', {value: unit}, unit)))
  filter.value = (data.units ?? []).includes(chosen) ? chosen : ''
  renderTree()
  renderMessages()
  renderHighlight()
}

function renderTree() {
  const data = state.analysis ?? {outline: []}
  const unit = $('unit-filter').value
  const tree = $('tree')
  const expanded = new Set([...tree.querySelectorAll('[aria-expanded="false"]')].map((item) => item.dataset.id))
  let shown = 0
  const visible = (node) => node.kind === 'task'
    ? !unit || node.units.some((u) => u.name === unit || u.parent === unit)
    : (!unit && node.children.length === 0) || node.children.some(visible)
  const item = (node, level) => {
    if (!visible(node)) return null
    const children = node.children.map((child) => item(child, level + 1)).filter(Boolean)
    if (node.kind === 'task') shown++
    const key = `node-${node.id.replace(/[^\w.-]/g, '_')}`
    const li = h('li', {role: 'treeitem', 'aria-level': level, 'data-id': node.id, 'data-line': node.line, class: `node ${node.kind}`, tabindex: -1, 'aria-labelledby': key})
    const row = h('div', {class: 'row', id: key},
      h('span', {class: 'label'}, node.label), ' ',
      h('span', {class: 'title'}, node.title),
      node.context ? h('span', {class: 'tag'}, '背景内容') : null)
    li.append(row)
    if (node.units.length > 0 || node.deadline) {
      const leads = node.units.filter((u) => u.role === 'lead')
      const supports = node.units.filter((u) => u.role === 'support')
      const name = (u) => u.name + (u.status === 'unknown' ? '（名录中没有）' : u.status === 'alias' ? `（原文：${u.written}）` : '')
      li.setAttribute('aria-labelledby', `${key} ${key}-duty`)
      li.append(h('div', {class: 'duty', id: `${key}-duty`},
        leads.length ? h('span', {class: 'lead'}, `牵头：${leads.map(name).join('、')}`) : null,
        supports.length ? h('span', {class: 'support'}, `配合：${supports.map(name).join('、')}`) : null,
        node.deadline ? h('span', {class: 'deadline'}, `时限：${node.deadline}`) : null))
    }
    if (children.length > 0) {
      li.setAttribute('aria-expanded', expanded.has(node.id) && !unit ? 'false' : 'true')
      li.append(h('ul', {role: 'group'}, children))
    }
    return li
  }
  const items = data.outline.map((node) => item(node, 1)).filter(Boolean)
  tree.replaceChildren(...items)
  $('tree-empty').hidden = items.length > 0
  $('structure-count').textContent = data.outline.length ? (unit ? `${unit}：${shown} 项任务` : `${data.counts.parts} 个部分，${data.counts.tasks} 项任务`) : ''
  const first = tree.querySelector('[role="treeitem"]')
  if (first) first.tabIndex = 0
}

$('unit-filter').addEventListener('change', renderTree)

// Tree keyboard: arrows move, Left/Right fold, Enter shows the line in the source.
const visibleItems = () => [...$('tree').querySelectorAll('[role="treeitem"]')].filter((item) => !item.parentElement.closest('[aria-expanded="false"]'))
function focusItem(item) {
  for (const other of $('tree').querySelectorAll('[tabindex="0"]')) other.tabIndex = -1
  item.tabIndex = 0
  item.focus()
}
$('tree').addEventListener('keydown', (event) => {
  const current = event.target.closest('[role="treeitem"]')
  if (!current) return
  const items = visibleItems()
  const index = items.indexOf(current)
  const key = event.key
  if (key === 'ArrowDown' && items[index + 1]) focusItem(items[index + 1])
  else if (key === 'ArrowUp' && items[index - 1]) focusItem(items[index - 1])
  else if (key === 'Home') focusItem(items[0])
  else if (key === 'End') focusItem(items.at(-1))
  else if (key === 'ArrowRight' && current.getAttribute('aria-expanded') === 'false') current.setAttribute('aria-expanded', 'true')
  else if (key === 'ArrowLeft' && current.getAttribute('aria-expanded') === 'true') current.setAttribute('aria-expanded', 'false')
  else if (key === 'ArrowLeft' && current.parentElement.closest('[role="treeitem"]')) focusItem(current.parentElement.closest('[role="treeitem"]'))
  else if (key === 'Enter' && current.dataset.line) showLine(Number(current.dataset.line))
  else return
  event.preventDefault()
})
$('tree').addEventListener('click', (event) => {
  const item = event.target.closest('[role="treeitem"]')
  if (!item) return
  event.stopPropagation()
  focusItem(item)
  if (event.target.closest('.row') && item.hasAttribute('aria-expanded') && item.querySelector(':scope > ul')) {
    item.setAttribute('aria-expanded', item.getAttribute('aria-expanded') === 'true' ? 'false' : 'true')
  } else if (item.dataset.line) showLine(Number(item.dataset.line))
})

// ---- 3 proofread ----------------------------------------------------------------------------

const severityNames = {error: '错误', warning: '警告', info: '提示'}

function renderMessages() {
  const messages = state.analysis?.messages ?? []
  const counts = {error: 0, warning: 0, info: 0}
  for (const message of messages) counts[message.severity]++
  $('messages-summary').textContent = !state.analysis
    ? ''
    : messages.length === 0
      ? (state.analysis.error ? '原文无法解析，见右侧的说明。' : '没有发现问题。')
      : `共 ${messages.length} 个问题（${counts.error} 个错误，${counts.warning} 个警告${counts.info ? `，${counts.info} 个提示` : ''}）。选择一条，在原文中查看。`
  $('messages').replaceChildren(
    ...messages.map((message) =>
      h('li', {class: `message sev-${message.severity}`},
        h('button', {type: 'button', 'data-line': message.line, 'aria-current': message.line === state.highlightLine ? 'true' : undefined, onclick: (event) => {
          for (const other of $('messages').querySelectorAll('[aria-current]')) other.removeAttribute('aria-current')
          event.currentTarget.setAttribute('aria-current', 'true')
          showLine(message.line)
        }},
          h('span', {class: 'where'}, `第 ${message.line} 行`),
          h('span', {class: 'severity'}, severityNames[message.severity] ?? message.severity),
          h('span', {class: 'text'}, message.message),
          h('code', {class: 'rule'}, message.ruleId)))
    )
  )
}

/** Show and highlight a source line: a mark behind the text, the line selected and scrolled into view. */
function showLine(line) {
  state.highlightLine = line
  renderHighlight()
  const source = $('source')
  const lines = source.value.split('\n')
  const start = lines.slice(0, line - 1).reduce((sum, text) => sum + text.length + 1, 0)
  const end = start + (lines[line - 1]?.length ?? 0)
  const mark = $('highlights').querySelector('mark')
  if (mark) source.scrollTop = Math.max(0, mark.offsetTop - source.clientHeight / 3)
  syncScroll()
  source.focus({preventScroll: true})
  source.setSelectionRange(start, end)
  if (mark) source.scrollTop = Math.max(0, mark.offsetTop - source.clientHeight / 3)
  syncScroll()
  $('save-state').textContent = `第 ${line} 行`
}

function renderHighlight() {
  const text = $('source').value
  const box = $('highlights')
  const line = state.highlightLine
  const lines = text.split('\n')
  if (!line || line > lines.length) {
    box.replaceChildren(document.createTextNode(text + '\n'))
    return
  }
  const before = lines.slice(0, line - 1).join('\n')
  const after = lines.slice(line).join('\n')
  box.replaceChildren(
    document.createTextNode(before + (line > 1 ? '\n' : '')),
    h('mark', {'data-line': line}, lines[line - 1] || ' '),
    document.createTextNode((line < lines.length ? '\n' : '') + after + '\n')
  )
}

function syncScroll() {
  const backdrop = document.querySelector('.backdrop')
  backdrop.scrollTop = $('source').scrollTop
}
$('source').addEventListener('scroll', syncScroll)

$('source').addEventListener('input', () => {
  renderHighlight()
  $('save-state').textContent = '正在输入…'
  clearTimeout(state.saveTimer)
  state.saveTimer = setTimeout(saveSource, 600)
})

/** Save an edit still waiting for its pause, before switching policy or building. */
async function flushSave() {
  if (!state.saveTimer) return
  clearTimeout(state.saveTimer)
  state.saveTimer = 0
  await saveSource()
}

async function saveSource() {
  state.saveTimer = 0
  const seq = ++state.editSeq
  const policy = state.policy
  $('save-state').textContent = '正在保存…'
  try {
    const data = await api('PUT', `/api/policy?${q(policy)}`, {text: $('source').value})
    if (seq !== state.editSeq || policy !== state.policy) return // a newer edit is on its way
    renderAnalysis(data)
    $('save-state').textContent = `已保存 ${new Date().toLocaleTimeString('zh-CN')}`
  } catch (error) {
    if (seq !== state.editSeq) return
    showError($('source-error'), error)
    $('save-state').textContent = '没有保存'
  }
}

// ---- 4 issuing details ----------------------------------------------------------------------

async function loadConfig() {
  const data = await api('GET', `/api/config?${q(state.policy)}`).catch((error) => ({error, fields: [], values: {}}))
  renderConfig(data)
  showError($('config-error'), data.error && !data.error.field ? data.error : null)
  if (data.error?.field) fieldError(data.error)
}

const fieldHelp = {
  date: '例如 2024-03-05 或 2024年3月5日',
  units: '多个单位用顿号“、”分隔',
  'deadlines.parts': '每行一个：部分序号: 时限，例如“一: 2024-06-30”',
  'deadlines.tasks': '每行一个：任务编号: 时限，例如“1.3: 2024年6月底前”；原文写了时限的任务以原文为准'
}

function renderConfig(data) {
  if (data.file) $('config-file').textContent = data.file
  $('config-fields').replaceChildren(
    ...data.fields.map((field) => {
      const id = `config-${field.key}`
      const label = field.label.split(/[，,]/)[0]
      return h('div', {class: 'field', 'data-field': field.key},
        h('label', {for: id}, label, h('span', {class: 'key'}, ` ${field.key}`)),
        field.kind === 'lines'
          ? Object.assign(h('textarea', {id, name: field.key, rows: 3, 'aria-describedby': `${id}-help ${id}-error`}), {value: data.values[field.key] ?? ''})
          : h('input', {id, name: field.key, type: 'text', value: data.values[field.key] ?? '', 'aria-describedby': `${id}-help ${id}-error`, autocomplete: 'off'}),
        h('p', {id: `${id}-help`, class: 'help'}, fieldHelp[field.key] ?? fieldHelp[field.kind] ?? field.label),
        h('p', {id: `${id}-error`, class: 'error field-error', role: 'alert', hidden: true}))
    })
  )
}

function fieldError(error) {
  const box = $(`config-${error.field}-error`)
  const input = $(`config-${error.field}`)
  if (!box || !input) return showError($('config-error'), error)
  box.replaceChildren(h('span', {}, `错误：${error.message}`), ...(error.hint ? [h('br'), h('span', {}, `怎么办：${error.hint}`)] : []))
  box.hidden = false
  input.setAttribute('aria-invalid', 'true')
  input.focus()
}

$('config-form').addEventListener('submit', async (event) => {
  event.preventDefault()
  if (!state.policy) return
  for (const box of document.querySelectorAll('.field-error')) box.hidden = true
  for (const input of document.querySelectorAll('#config-fields [aria-invalid]')) input.removeAttribute('aria-invalid')
  showError($('config-error'), null)
  const values = Object.fromEntries([...$('config-fields').querySelectorAll('input, textarea')].map((input) => [input.name, input.value]))
  $('config-state').textContent = '正在保存…'
  try {
    const data = await api('PUT', `/api/config?${q(state.policy)}`, {values})
    renderConfig(data)
    $('config-state').textContent = `已保存到 ${data.file}`
  } catch (error) {
    $('config-state').textContent = '没有保存'
    if (error.field) fieldError(error)
    else showError($('config-error'), error)
  }
})

// ---- 5 generate -----------------------------------------------------------------------------

$('build').addEventListener('click', async () => {
  if (!state.policy || state.building) return
  await flushSave()
  const policy = state.policy
  showError($('build-error'), null)
  const progress = $('progress')
  progress.hidden = false
  progress.value = 0
  progress.max = 1
  $('build-state').textContent = '正在准备…'
  state.building = true
  $('build').disabled = true
  const finish = () => {
    state.building = false
    $('build').disabled = false
  }
  let job
  try {
    ;({job} = await api('POST', `/api/build?${q(policy)}`))
  } catch (error) {
    showError($('build-error'), error)
    $('build-state').textContent = ''
    progress.hidden = true
    return finish()
  }
  const events = new EventSource(`/api/build/${job}/events`)
  events.addEventListener('plan', (event) => {
    const data = JSON.parse(event.data)
    progress.max = data.total
    progress.dataset.planned = data.total
    $('build-state').textContent = `共 ${data.total} 个文件，开始生成…`
  })
  events.addEventListener('document', (event) => {
    const data = JSON.parse(event.data)
    progress.max = data.total
    progress.value = data.done
    $('build-state').textContent = `已生成 ${data.done} / ${data.total}：${data.name}`
  })
  events.addEventListener('done', async (event) => {
    const data = JSON.parse(event.data)
    events.close()
    progress.value = progress.max
    $('build-state').textContent = `完成：共生成 ${data.documents} 个文件` +
      (data.warnings.length ? `，${data.warnings.length} 条警告：${data.warnings.join('；')}` : '') +
      (data.checkMessages ? `；校对提示 ${data.checkMessages} 条（见第 3 步）` : '') + '。'
    finish()
    await loadOutputs()
  })
  const failed = async (event) => {
    events.close()
    if (event.data) showError($('build-error'), JSON.parse(event.data).error)
    else showError($('build-error'), {message: '与服务器的连接中断了', hint: '确认 policy-press serve 仍在运行，然后重试。'})
    $('build-state').textContent = '没有生成：输出文件夹里原有的文件保持不变。'
    progress.hidden = true
    finish()
    await loadOutputs()
  }
  events.addEventListener('failed', failed)
  events.addEventListener('error', (event) => {
    if (state.building) failed(event)
  })
})

/** Names for the files that are not documents of the views (index page, tree data). */
const documentNames = {index: '索引页', policy: '结构数据'}
const formatNames = {pdf: 'PDF', docx: 'Word', html: '网页', md: 'Markdown', xlsx: 'Excel', json: 'JSON'}

async function loadOutputs() {
  const data = await api('GET', `/api/output?${q(state.policy)}`).catch(() => ({documents: [], count: 0}))
  const href = (file) => `/${data.outDir.split('/').map(encodeURIComponent).join('/')}/${file.name.split('/').map(encodeURIComponent).join('/')}`
  $('outputs-empty').hidden = data.count > 0
  $('zip-all-box').hidden = data.count === 0
  $('zip-all').href = `/api/zip?${q(state.policy)}`
  const folders = new Map()
  for (const document of data.documents) {
    if (!folders.has(document.folder)) folders.set(document.folder, [])
    folders.get(document.folder).push(document)
  }
  const row = (document) => {
    const label = documentNames[document.id] ?? document.label
    const previews = document.files.filter((file) => file.format === 'pdf' || file.format === 'html')
    return h('li', {class: 'document'},
      h('span', {class: 'name'}, label),
      h('span', {class: 'files'},
        previews.length ? h('span', {class: 'group'}, '预览：', ...previews.map((file) =>
          h('button', {type: 'button', class: 'link', 'aria-label': `预览 ${document.label}.${file.format}`, onclick: () => preview(href(file), `${label}.${file.format}`)}, formatNames[file.format]))) : null,
        h('span', {class: 'group'}, '下载：', ...document.files.map((file) =>
          h('a', {href: `${href(file)}?download=1`, download: '', title: `${file.name}（${size(file.bytes)}）`, 'aria-label': `下载 ${file.name}（${size(file.bytes)}）`}, formatNames[file.format] ?? file.format))),
        document.folder ? h('a', {class: 'zip', href: `/api/zip?${q(state.policy)}&doc=${encodeURIComponent(document.id)}`, 'aria-label': `下载 ${label} 的全部文件（.zip）`}, '本单位全部（.zip）') : null))
  }
  $('documents').replaceChildren(
    ...[...folders].map(([folder, documents]) =>
      h('div', {class: 'folder'},
        h('h3', {}, folder || '文件'),
        h('ul', {class: 'document-list'}, documents.map(row))))
  )
}

function preview(url, name) {
  const frame = $('preview')
  frame.src = url
  frame.hidden = false
  $('preview-empty').hidden = true
  $('preview-title').textContent = `预览：${name}`
}

// ---- 6 collect -----------------------------------------------------------------------------

function renderLedgers(data) {
  $('ledgers-folder').textContent = `${data.folder}/`
  $('ledgers').replaceChildren(...data.ledgers.map((ledger) => h('li', {}, ledger.name, h('span', {class: 'muted'}, ` ${size(ledger.bytes)}`))))
}

async function loadLedgers() {
  renderLedgers(await api('GET', `/api/ledgers?${q(state.policy)}`).catch(() => ({folder: '报回', ledgers: []})))
}

$('ledger-upload').addEventListener('change', async () => {
  showError($('ledger-error'), null)
  const form = new FormData()
  for (const file of $('ledger-upload').files) form.append('file', file)
  try {
    renderLedgers(await api('POST', `/api/ledgers?${q(state.policy)}`, form))
  } catch (error) {
    showError($('ledger-error'), error)
  } finally {
    $('ledger-upload').value = ''
  }
})

$('collect-run').addEventListener('click', async () => {
  if (!state.policy) return
  showError($('collect-error'), null)
  $('collect-result').replaceChildren()
  $('collect-state').textContent = '正在汇总…'
  $('collect-run').disabled = true
  try {
    const data = await api('POST', `/api/collect?${q(state.policy)}&date=${encodeURIComponent($('collect-date').value.trim())}`)
    const t = data.totals
    const base = `/${data.outDir.split('/').map(encodeURIComponent).join('/')}/`
    const report = data.documents.find((document) => document.name.endsWith('.html'))
    $('collect-state').textContent = '汇总完成。'
    $('collect-result').replaceChildren(h('div', {},
      h('p', {class: 'collect-summary'},
        `截至 ${data.date}${data.dateFromReports ? '（台账中最晚的填报日期）' : ''}：共 ${data.taskCount} 项任务、${data.unitCount} 个单位（按单位计 ${t.total} 项）：` +
        `已完成 ${t.done}，推进中 ${t.inProgress}，未开始 ${t.notStarted}，滞后 ${t.behind}，无法推进 ${t.blocked}，未报告 ${t.unreported}；逾期 ${t.late}；未报送单位 ${data.unreportedUnitCount} 个。`),
      data.problems.length
        ? h('details', {}, h('summary', {}, `填报问题 ${data.problems.length} 条（均照录在落实情况汇总.xlsx 的“填报问题”表中）`),
            h('ul', {}, data.problems.map((problem) => h('li', {}, problem.message))))
        : null,
      ...data.warnings.map((warning) => h('p', {class: 'muted'}, `注意：${warning}`)),
      h('p', {class: 'actions'},
        report ? h('a', {class: 'button', href: base + encodeURIComponent(report.name), target: '_blank', rel: 'noopener'}, '打开落实情况报告') : null,
        report ? h('button', {type: 'button', class: 'link', onclick: () => { preview(base + encodeURIComponent(report.name), report.name); $('preview').scrollIntoView() }}, '在页面里预览') : null,
        '下载：',
        ...data.documents.map((document) => h('a', {href: `${base}${encodeURIComponent(document.name)}?download=1`, download: ''}, document.name)))))
  } catch (error) {
    $('collect-state').textContent = ''
    showError($('collect-error'), error)
  } finally {
    $('collect-run').disabled = false
  }
})

// ---- start ----------------------------------------------------------------------------------

function size(bytes) {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : bytes >= 1024 ? `${Math.round(bytes / 1024)} KB` : `${bytes} 字节`
}

let fromHash = ''
try {
  fromHash = decodeURIComponent(location.hash.slice(1))
} catch {}
loadPolicies(fromHash || undefined).catch((error) => showError($('upload-error'), error))
