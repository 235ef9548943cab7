using DigitalTwin.Core.Text;
using static DigitalTwin.Core.Text.MessageArg;

namespace DigitalTwin.Core.Power.Import;

/// <summary>
/// What an import problem says, in English for the API and the stored record, read back by the import page to say it
/// in the reader's language. Values are written before they are filled in (kWh with thousands separators, months as
/// "2024-03"), so every one is <see cref="MessageArg.AsIs"/>.
/// </summary>
public static class ImportMessages
{
    public static readonly MessageTemplate TooLarge = new("import.too-large", "The file is larger than {0} MB (Power:MaxImportBytes).", AsIs);

    public static readonly MessageTemplate Unreadable = new("import.unreadable", "The file cannot be read: {0}", AsIs);

    public static readonly MessageTemplate UnknownLayout = new(
        "import.unknown-layout",
        "Not a known KEPCO layout: no header like '연도,시도,시군구,계약종별, 1월 …', '년월,시구,시군구,계약구분,…', "
        + "'year,month,sido,sigungu,contract_type,kwh' or 'year,month,metro,city,cntr,powerUsage' in the first rows.");

    public static readonly MessageTemplate NoRows = new("import.no-rows", "The file has a header but no data rows.");

    public static readonly MessageTemplate WrongColumn = new("import.wrong-column", "Column {0} should be '{1}', found '{2}'.", AsIs, AsIs, AsIs);

    public static readonly MessageTemplate MissingColumn = new("import.missing-column", "Missing column '{0}'; the header is: {1}", AsIs, AsIs);

    public static readonly MessageTemplate NotAMonthColumn = new("import.not-a-month-column", "'{0}' is not a month column (1월 … 12월).", AsIs);

    public static readonly MessageTemplate MonthColumnTwice = new("import.month-column-twice", "Month column '{0}' appears twice.", AsIs);

    public static readonly MessageTemplate NoMonthColumns = new("import.no-month-columns", "No month columns (1월 … 12월) in the header.");

    public static readonly MessageTemplate Truncated = new(
        "import.truncated", "Row has {0} cells, expected {1}: the file looks truncated (no '{2}').", AsIs, AsIs, AsIs);

    public static readonly MessageTemplate EmptyCell = new("import.empty-cell", "Empty {0}.", AsIs);

    public static readonly MessageTemplate UnknownSido = new("import.unknown-sido", "Unknown 시도 '{0}'.", AsIs);

    public static readonly MessageTemplate UnknownContractType = new("import.unknown-contract-type", "Unknown 계약종별 '{0}'; expected one of {1}.", AsIs, AsIs);

    public static readonly MessageTemplate NotANumber = new("import.not-a-number", "'{0}' is not a number.", AsIs);

    public static readonly MessageTemplate OutOfRange = new("import.out-of-range", "'{0}' is not a whole number between {1} and {2}.", AsIs, AsIs, AsIs);

    public static readonly MessageTemplate NotAMonth = new("import.not-a-month", "'{0}' is not a month (YYYYMM).", AsIs);

    public static readonly MessageTemplate FormulaName = new(
        "import.formula-name", "The 시군구 name starts with '{0}', like a spreadsheet formula; district names are Hangul (e.g. 수원시 장안구).", AsIs);

    public static readonly MessageTemplate LongName = new("import.long-name", "A 시군구 name of {0} characters; district names have at most {1}.", AsIs, AsIs);

    public static readonly MessageTemplate UnsafeName = new("import.unsafe-name", "Unsafe text in the 시군구 name: {0}.", AsIs);

    public static readonly MessageTemplate OddCharacter = new(
        "import.odd-character", "The 시군구 name contains '{0}' (U+{1}); district names are Hangul syllables and spaces (e.g. 수원시 장안구).", AsIs, AsIs);

    public static readonly MessageTemplate Duplicate = new("import.duplicate", "{0} appears twice in the file (first in row {1}).", AsIs, AsIs);

    public static readonly MessageTemplate NegativeValue = new("import.negative", "Negative value for {0} (a billing correction?); imported as is.", AsIs);

    public static readonly MessageTemplate ImplausibleValue = new("import.implausible", "Implausibly large value for {0} (over {1} kWh).", AsIs, AsIs);

    public static readonly MessageTemplate TotalMismatch = new(
        "import.total-mismatch", "합계 of {0} is {1} kWh but its {2} contract types sum to {3} (difference {4}).", AsIs, AsIs, AsIs, AsIs, AsIs);

    public static readonly MessageTemplate NewDistrict = new(
        "import.new-district", "New district {0}: not in the stored data nor in the shipped district list; check the spelling before committing.", AsIs);

    public static IReadOnlyList<MessageTemplate> All { get; } =
    [
        TooLarge, Unreadable, UnknownLayout, NoRows, WrongColumn, MissingColumn, NotAMonthColumn, MonthColumnTwice, NoMonthColumns,
        Truncated, EmptyCell, UnknownSido, UnknownContractType, NotANumber, OutOfRange, NotAMonth, FormulaName, LongName, UnsafeName,
        OddCharacter, Duplicate, NegativeValue, ImplausibleValue, TotalMismatch, NewDistrict,
    ];
}
