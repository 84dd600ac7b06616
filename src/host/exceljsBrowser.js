// ExcelJS for the browser preview, built from its library modules (not its prebuilt bundle), so
// that the adapter's patch of the table-column serializer applies here too.
module.exports = {
  Workbook: require("exceljs/lib/doc/workbook"),
  ...require("exceljs/lib/doc/enums"),
};
