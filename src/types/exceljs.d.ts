// exceljs publishes types for its main module only; the build imports the workbook class by its
// own path (see src/write/xlsx/sheet.ts), which is the same class.
declare module 'exceljs/lib/doc/workbook.js' {
  import type ExcelJS from 'exceljs'
  const Workbook: typeof ExcelJS.Workbook
  export default Workbook
}
