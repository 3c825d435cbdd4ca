/**
 * The views table: document kind → builder. A builder reads the tree (and config, registry) and
 * returns the documents of that kind as plain data, each naming its template and output path.
 * Add a kind (for example `interpretation`) by adding one entry.
 */
import type {ViewBuilder} from './types.ts'
import {noticeDocuments} from './notice.ts'
import {tasklistDocuments} from './tasklist.ts'
import {interpretationDocuments} from './interpretation.ts'
import {policyDocuments} from './policy.ts'

export const views: Record<string, ViewBuilder> = {
  notice: noticeDocuments as ViewBuilder,
  tasklist: tasklistDocuments as ViewBuilder,
  interpretation: interpretationDocuments as ViewBuilder,
  policy: policyDocuments as ViewBuilder
}

export type {ViewBuilder, ViewContext, ViewDocument, FrontMatter, RegistryLike} from './types.ts'
export {noticeView, type NoticeView} from './notice.ts'
export {policyView, type PolicyView} from './policy.ts'
export {tasklistViews, tasklistView, type TaskListView} from './tasklist.ts'
export {collectDuties, type DutyIndex, type UnitDuties, type Duty} from './duties.ts'
export {chineseNumeral, formatDate, joinNames, unitDisplayNames} from './format.ts'
export {deadline, policyYear, issuerBlock} from './common.ts'
