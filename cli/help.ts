// Help text, Japanese first, English second. Every option of args.ts must appear here.
export const HELP = `zaitaku-check — 在宅利用の記録チェッカー（就労移行支援・就労継続支援A型/B型）

使い方:
  zaitaku-check [check] <ファイル>... [オプション]   勤怠・在宅記録（.xlsx, .csv）をチェック
                            利用者台帳（1人1行: 受給者証番号・市町村・在宅期間・在宅曜日など）の
                            シートやファイルも並べられます（記録にない項目を補います）
                            フォルダを指定すると中の .xlsx .xlsm .csv .tsv .txt をすべてチェック。
                            複数ファイルは受給者証番号（なければ氏名）で同じ利用者の月にまとめます
  zaitaku-check form <入力.json> --form <様式ID>    入力済みの様式 1 件をチェック（拡張機能と同じルール）
  zaitaku-check rules [--pack <パック>]             ルールの一覧（重大度・根拠）

オプション:
  --municipality <パック>   支給決定市町村がデータにない利用者に使うパック:
                            national, kobe, higashiosaka, fukuoka, nishio（既定: national）
                            form では市町村ごとの追加チェックに使用
  --as-of <YYYY-MM-DD>      チェック日（期限前「pending」の判定に使用。既定: 今日）
  --week-start <mon|sun>    週の始まり（既定: mon 月曜）
  --capacity <n>            事業所の定員（home-user-ratio 在宅利用者の割合に使用。既定: なし）
  --sheet <シート名>        このシートだけをチェック（複数指定可。既定: 全シート）
  --map <項目>=<見出し>     列の対応を指定（複数指定可。見出し文字列または列記号、例: --map mode=区分
                            --map date=A。連絡の列は複数可: --map contacts=F,G。--map remark= で
                            その項目の列を使わない。既定: 自動判定）
  --include-samples         記載例・記入例・記載要領・見本のシートも読む（既定: 読まない）
  --format <text|json>      出力形式（既定: text）
  --annotate <出力.xlsx>    該当行を色付けし「チェック結果」シートを加えたコピーを書き出す
                            （元のファイルは変更しません。入力と同じパスは指定できません）
  --pack <パック>           rules: このパックの重大度だけを表示
  --form <様式ID>           form: 様式のID（例: kobe-application）
  --lang <ja|en>            ja（既定）/ en: 各指摘に英語の行を加え、英語を先に表示
  --color, --no-color       色付けを強制 / しない（既定: 端末なら色付け。環境変数 NO_COLOR でも無効化）
  -h, --help                このヘルプを表示
  -v, --version             バージョンを表示

終了コード:
  0  エラー（error 重大度の違反）なし
  1  エラーが 1 件以上
  2  使い方の誤り、または読み込めない入力（メッセージは標準エラー出力。json 形式では
     標準出力に JSON のエラーオブジェクトだけを出力）

データは外部に送信されません。

Usage:
  zaitaku-check [check] <file>... [options]   check attendance / home-use records (.xlsx, .csv)
                            a user table (one row per user: 受給者証番号, municipality, certificate
                            period, home weekdays …) may be a sheet or another file; it fills what rows lack
                            a folder stands for every .xlsx .xlsm .csv .tsv .txt in it; several
                            files join one user's month by 受給者証番号 (else the name)
  zaitaku-check form <file.json> --form <id>  check one filled form (same rules as the extension)
  zaitaku-check rules [--pack <pack>]         list rules with severity and source

Options:
  --municipality <pack>     pack for users whose municipality is not in the data:
                            national, kobe, higashiosaka, fukuoka, nishio (default: national);
                            for form: adds the municipality's checks
  --as-of <YYYY-MM-DD>      the day the check is made (decides "pending"; default: today)
  --week-start <mon|sun>    first day of the week (default: mon)
  --capacity <n>            the provider's capacity (定員) for home-user-ratio (default: none)
  --sheet <name>            only this sheet (repeatable; default: all sheets)
  --map <field>=<header>    force a column mapping (repeatable; header text or column letter,
                            e.g. --map mode=区分 --map date=A; several contact columns:
                            --map contacts=F,G; --map remark= reads no column for it;
                            default: auto-detected)
  --include-samples         also read sample sheets (記載例, 記入例, 記載要領, 見本; default: skipped)
  --format <text|json>      output format (default: text)
  --annotate <out.xlsx>     write a copy of the workbook with the affected rows highlighted and a
                            findings sheet; the input file is never modified (out must differ)
  --pack <pack>             rules: show the severities of this pack only
  --form <id>               form: the form id (e.g. kobe-application)
  --lang <ja|en>            ja (default) / en: add an English line per finding, English first
  --color, --no-color       force / disable colour (default: colour on a terminal; NO_COLOR disables)
  -h, --help                show this help
  -v, --version             show the version

Exit status:
  0  no error-severity violation
  1  at least one error-severity violation
  2  bad usage or an input that cannot be read at all (message on stderr; in json mode only
     a JSON error object on stdout)

No data leaves this computer.
`;
