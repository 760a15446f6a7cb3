/* tmpl's writers: the workbook (libxlsxwriter) and the CSV forms. */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <xlsxwriter.h>

#include "atomicfile.h"
#include "strbuf.h"
#include "tmpl.h"
#include "xlsxfmt.h"
#include "xmem.h"

/* Rows below the pre-filled ones that keep the drop-down and open cells. */
#define SPARE_ROWS 500

struct formats {
	lxw_format *head, *fixed, *open, *mark, *title, *label, *text;
};

static void
make_formats(lxw_workbook *wb, struct formats *f)
{
	/* Header: bold on grey, locked.  Pre-filled ids and titles: locked on
	 * light grey, so the ministry sees what it cannot change.  Open
	 * cells: unlocked, wrapped, white. */
	f->head = xlsxfmt_new(wb);
	format_set_bold(f->head);
	format_set_bg_color(f->head, 0xD9D9D9);
	format_set_border(f->head, LXW_BORDER_THIN);
	format_set_text_wrap(f->head);
	format_set_align(f->head, LXW_ALIGN_CENTER);
	format_set_align(f->head, LXW_ALIGN_VERTICAL_CENTER);
	f->fixed = xlsxfmt_new(wb);
	format_set_bg_color(f->fixed, 0xF2F2F2);
	format_set_border(f->fixed, LXW_BORDER_THIN);
	format_set_text_wrap(f->fixed);
	f->open = xlsxfmt_new(wb);
	format_set_unlocked(f->open);
	format_set_border(f->open, LXW_BORDER_THIN);
	format_set_text_wrap(f->open);
	f->mark = xlsxfmt_new(wb);
	format_set_unlocked(f->mark);
	format_set_border(f->mark, LXW_BORDER_THIN);
	format_set_align(f->mark, LXW_ALIGN_CENTER);
	f->title = xlsxfmt_new(wb);
	format_set_bold(f->title);
	format_set_font_size(f->title, 14);
	f->label = xlsxfmt_new(wb);
	format_set_bold(f->label);
	format_set_text_wrap(f->label);
	format_set_bg_color(f->label, 0xF2F2F2);
	format_set_border(f->label, LXW_BORDER_THIN);
	f->text = xlsxfmt_new(wb);
	format_set_text_wrap(f->text);
	format_set_border(f->text, LXW_BORDER_THIN);
}

/* Open to formatting, row insertion and filtering; closed to changes of
 * the locked cells.  No password: protection guards against slips. */
static void
protect(lxw_worksheet *ws)
{
	lxw_protection p;

	memset(&p, 0, sizeof(p));
	p.format_columns = 1;
	p.format_rows = 1;
	p.insert_rows = 1;
	p.autofilter = 1;
	p.sort = 0;
	worksheet_protect(ws, NULL, &p);
}

static double
max2(double a, double b)
{
	return a > b ? a : b;
}

static void
sheet_progress(lxw_workbook *wb, const struct formats *f, const struct tmpl_ministry *m)
{
	static const double widths[8] = {12, 36, 12, 50, 40, 40, 7, 30};
	static char mark[] = "○";
	char *values[] = {mark, NULL};
	lxw_worksheet *ws = workbook_add_worksheet(wb, "実施状況");
	lxw_data_validation dv;
	lxw_row_t r, last = (lxw_row_t)(m->nmeasures + SPARE_ROWS);
	lxw_col_t c;

	for (c = 0; c < 8; c++)
		worksheet_set_column(ws, c, c, widths[c], c == 6 ? f->mark : f->open);
	worksheet_set_row(ws, 0, 30, NULL);
	for (c = 0; c < 8; c++)
		worksheet_write_string(ws, 0, c, tmpl_progress_cols[c], f->head);
	for (r = 0; r < m->nmeasures; r++) {
		worksheet_set_row(ws, r + 1,
		                  xlsxfmt_row_height(m->measures[r]->title, widths[1], 18), NULL);
		worksheet_write_string(ws, r + 1, 0, m->measures[r]->id, f->fixed);
		worksheet_write_string(ws, r + 1, 1, m->measures[r]->title, f->fixed);
		worksheet_write_string(ws, r + 1, 2, m->name, f->open);
		for (c = 3; c < 8; c++)
			worksheet_write_blank(ws, r + 1, c, c == 6 ? f->mark : f->open);
	}
	memset(&dv, 0, sizeof(dv));
	dv.validate = LXW_VALIDATION_TYPE_LIST;
	dv.value_list = values;
	dv.ignore_blank = LXW_VALIDATION_ON;
	dv.input_title = "重点";
	dv.input_message = "概要資料で取り上げる施策に「○」を選びます。重点でなければ空欄のまま。";
	dv.error_title = "重点";
	dv.error_message = "「○」を選ぶか、空欄にしてください。";
	worksheet_data_validation_range(ws, 1, 6, last, 6, &dv);
	worksheet_freeze_panes(ws, 1, 0);
	protect(ws);
	xlsxfmt_landscape(ws, 0);
	worksheet_activate(ws);
}

static void
sheet_indicators(lxw_workbook *wb, const struct formats *f, const struct tmpl_set *s,
                 const struct tmpl_ministry *m)
{
	static const double widths[7] = {44, 10, 14, 10, 32, 12, 12};
	lxw_worksheet *ws = workbook_add_worksheet(wb, "評価指標");
	lxw_row_t r;
	lxw_col_t c;

	for (c = 0; c < 7; c++)
		worksheet_set_column(ws, c, c, widths[c], f->open);
	worksheet_set_row(ws, 0, 30, NULL);
	for (c = 0; c < 7; c++)
		worksheet_write_string(ws, 0, c, tmpl_indicator_cols[c], f->head);
	for (r = 0; r < m->nindicators; r++) {
		const struct tmpl_indicator *t = m->indicators[r].ind;

		worksheet_set_row(ws, r + 1,
		                  max2(xlsxfmt_row_height(t->text, widths[0], 18),
		                       xlsxfmt_row_height(t->source, widths[4], 18)),
		                  NULL);
		worksheet_write_string(ws, r + 1, 0, t->text, f->fixed);
		worksheet_write_number(ws, r + 1, 1, strtod(s->year, NULL), f->open);
		worksheet_write_blank(ws, r + 1, 2, f->open);
		worksheet_write_blank(ws, r + 1, 3, f->open);
		worksheet_write_string(ws, r + 1, 4, t->source, f->open);
		worksheet_write_string(ws, r + 1, 5, m->indicators[r].target, f->fixed);
		worksheet_write_string(ws, r + 1, 6, m->name, f->open);
	}
	worksheet_freeze_panes(ws, 1, 0);
	protect(ws);
	xlsxfmt_landscape(ws, 0);
}

static void add_rule(struct strbuf *sb, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

static void
add_rule(struct strbuf *sb, const char *fmt, ...)
{
	va_list ap;

	if (sb->len)
		strbuf_addch(sb, '\n');
	va_start(ap, fmt);
	strbuf_vaddf(sb, fmt, ap);
	va_end(ap);
}

static void
sheet_guide(lxw_workbook *wb, const struct formats *f, const struct tmpl_set *s,
            const struct tmpl_ministry *m)
{
	lxw_worksheet *ws = workbook_add_worksheet(wb, "記入要領");
	long y = strtol(s->year, NULL, 10);
	struct strbuf sb = STRBUF_INIT;
	lxw_row_t r = 0;
	struct {
		const char *label;
		char *text;
	} rows[20];
	size_t n = 0, i;

#define RULE(label_, ...)                                                                          \
	do {                                                                                       \
		strbuf_reset(&sb);                                                                 \
		add_rule(&sb, __VA_ARGS__);                                                        \
		rows[n].label = (label_);                                                          \
		rows[n++].text = strbuf_detach(&sb);                                               \
	} while (0)

	RULE("このファイルについて",
	     "%ld年度（平成%ld年度）の施策の実施状況と評価指標の値を、%"
	     "sからご報告いただくための様式です。"
	     "シート「実施状況」には%sが担当する施策（%zu件）を、シート「評価指標」には%"
	     "sに値をお尋ねする指標（%zu件）を、"
	     "あらかじめ記入してあります。灰色のセル（施策番号、施策名、指標）は変更できません。白"
	     "いセルに記入してください。",
	     y, y - 1988, m->name, m->name, m->nmeasures, m->name, m->nindicators);
	RULE("実施状況：施策番号", "年次計画の施策の番号です（例：1-1-1-ア）。変更できません。");
	RULE("実施状況：施策名", "確認のための施策の名前です。変更できません。");
	RULE("実施状況：府省庁",
	     "報告する府省庁の名前です。「%s」と記入してあります。1行に書ける府省庁は一つだけです"
	     "（「総務省、経済産業省」のように二つ書いた行は受け付けられません）。"
	     "名簿にない名前（旧称や誤字）も受け付けられず、近い名前をお知らせします。",
	     m->name);
	RULE("実施状況：実績（必ず記入）",
	     "%ld年度に実施したことを書いてください。実績が空欄の行は受け付けられません。"
	     "実施しなかった施策も、その旨と理由を書いてください。"
	     "セルの中で改行するときは Alt キーを押しながら Enter "
	     "キーを押します。改行は報告書にそのまま反映されます。",
	     y);
	RULE("実施状況：評価", "実績についての自己評価を書いてください（空欄でも構いません）。");
	RULE("実施状況：今年度の取組",
	     "%ld年度に実施する予定の取組を書いてください（空欄でも構いません）。", y + 1);
	RULE("実施状況：重点",
	     "概要資料で取り上げてほしい施策は、セルの右の▼から「○」を選んでくだ"
	     "さい。重点でなければ空欄のままにします。"
	     "「○」以外の文字（「済」など）は重点として扱わず、確認のご連絡をします。");
	RULE("実施状況：備考", "補足があれば書いてください。報告書の巻末に掲載されます。");
	RULE("行を追加するとき",
	     "同じ施策について別の実績を報告するときや、分野全体のまとめを書く"
	     "ときは、表の下の空いている行に記入してください。"
	     "施策番号は「1-1-1-ア」の形で書きます（まとめの行は「1」「1-"
	     "1」「1-1-1」のような分野の番号）。"
	     "「1.1.1.ア」「１－１－１－ア」（全角）、「1-①-1)-(ア)"
	     "」と書いても読み取れます。年次計画にない番号の行は受け付けられず、"
	     "番号か施策名の近い施策をお知らせします。"
	     "施策番号の代わりに施策名を書いた行は、年次計画の施策名と一字一句同じ"
	     "ときに限りその施策として読み取り、番号を書くようお願いします。"
	     "同じ施策・府省庁・実績の行を二度書くと、2行目は使いません。");
	RULE("評価指標",
	     "指標と施策番号は変更できません。年度は「%ld」と記入してあります（「%ld」「平成%"
	     "ld年度」「H%ld」のどれでも構いません）。"
	     "値（必ず記入）には数値だけを書きます（例：1,234　12.5　45%%"
	     "）。「件」などの単位は単位の欄に書き、「約」などの言葉は付けないでください。"
	     "前の年度の値も報告するときは、行を追加し、同じ指標名と施策番号を書いて年度を変えてく"
	     "ださい。"
	     "同じ指標・年度で異なる値を二つ書くと、両方とも受け付けられません。"
	     "値・年度が空欄の行、%ld年度より後の年度の値（確認のご連絡をします）にもご注意くだ"
	     "さい。",
	     y, y, y - 1988, y - 1988, y);
	RULE(
	    "使わないでほしいこと",
	    "数式は使わず、値を直接入力してください（数式のセルは Excel が最後に保存した計算結果"
	    "を読み取り、確認のご連絡をします。#DIV/0! などのエラー値も同様です）。"
	    "数値はセルに表示されているとおりに読み取ります（表示形式で桁を丸めると、丸めた値に"
	    "なります）。"
	    "セルを結合しないでください（結合したセルは左上のセルだけを読みます）。"
	    "行やシートを非表示にしても読み取ります。提出に含めない行やシートは削除してください。");
	RULE("見出しとシート",
	     "各シートの見出しの行（施策番号・府省庁・実績…、指標・年度・値…）の文字は変えないで"
	     "ください。見出しの上に表題や注意書きの行を入れても構いませんが、見出しの行は上から"
	     "10行目までに置いてください。"
	     "見出しの行のあるシートは全て読み取り、このシート（記入要領）のように見出しのない"
	     "シートは読みません。見出しを書き足した列（担当課など）や見出しのない列も読み取ります"
	     "が、決まった列ではないため確認のご連絡をします。");
	RULE("使える文字",
	     "報告書に印刷できない文字（絵文字、機種依存の記号など）は受け付けられません。"
	     "言葉で書き換えてください。改行以外の制御文字は〓に置き換えます。");
	RULE("保存の形式",
	     "このまま Excel "
	     "ブック（.xlsx）で保存して送ってください。古い形式（.xls）は読み取れません。"
	     "CSV で送るときは、シートごとに「CSV UTF-8（コンマ区切り）」で保存してください"
	     "（「CSV（コンマ区切り）」（Shift_JIS）も読み取れます）。「Unicode "
	     "テキスト」は使わないでください。");
	RULE("提出先", "このファイルを送ってきた事務局（取りまとめ担当）あてに、電子メールに添付し"
	               "て返送してください。"
	               "修正版を送るときは、直したところだけでなく全ての行を含むファイルを送り、前"
	               "のファイルと差し替える旨をお書きください。");
	RULE("送る前の確認",
	     "(1) 全ての行の「実績」が書いてあるか　(2) 施策番号・府省庁を変えていないか　"
	     "(3) 評価指標の「値」が数値だけか　(4) "
	     "見出しの行がそのままか　を確かめてください。"
	     "事務局では受け取ったファイルを直ちに機械で確認し（make validate YEAR=%ld "
	     "FILE=ファイル名）、このシートに書いた決まりに合っていれば「受理できます」、"
	     "合っていなければ「受理できません」と判定します。"
	     "直すところがあれば、シートとセルの位置（例：実施状況!"
	     "D12）と直し方を示してご連絡します。"
	     "「警告」は受け付けたうえでの確認のお願いです。",
	     y);
#undef RULE
	worksheet_set_column(ws, 0, 0, 24, NULL);
	worksheet_set_column(ws, 1, 1, 100, NULL);
	strbuf_addf(&sb, "%ld年度 施策の実施状況・評価指標 記入要領（%s）", y, m->name);
	worksheet_write_string(ws, r++, 0, sb.buf, f->title);
	strbuf_release(&sb);
	r++;
	for (i = 0; i < n; i++, r++) {
		worksheet_set_row(ws, r,
		                  max2(xlsxfmt_row_height(rows[i].label, 24, 18),
		                       xlsxfmt_row_height(rows[i].text, 100, 18)),
		                  NULL);
		worksheet_write_string(ws, r, 0, rows[i].label, f->label);
		worksheet_write_string(ws, r, 1, rows[i].text, f->text);
		free(rows[i].text);
	}
	worksheet_set_portrait(ws);
	worksheet_set_paper(ws, 9);
	worksheet_fit_to_pages(ws, 1, 0);
}

int
tmpl_write_xlsx(const struct tmpl_set *s, const struct tmpl_ministry *m, const char *path,
                struct diag *d)
{
	char *tmp = atomicfile_tmpname(path);
	lxw_workbook *wb = workbook_new(tmp);
	lxw_doc_properties props;
	struct formats f;
	struct strbuf title = STRBUF_INIT;

	if (wb == NULL) {
		free(tmp);
		return diag_error(d, path, 0, "cannot create the workbook");
	}
	strbuf_addf(&title, "%s年度 施策の実施状況・評価指標（%s）", s->year, m->name);
	memset(&props, 0, sizeof(props));
	props.title = title.buf;
	props.company = m->name;
	workbook_set_properties(wb, &props);
	make_formats(wb, &f);
	sheet_progress(wb, &f, m);
	sheet_indicators(wb, &f, s, m);
	sheet_guide(wb, &f, s, m);
	strbuf_release(&title);
	return xlsxfmt_close(wb, tmp, path, d);
}

/* One CSV cell: quoted when needed; a text cell beginning with = + - @,
 * tab or CR gets a leading ' (OWASP CSV injection; issue 12). */
static void
csv_cell(FILE *fp, const char *s, int first)
{
	const char *p;
	int quote = strpbrk(s, ",\"\r\n") != NULL;

	if (!first)
		fputc(',', fp);
	if (quote)
		fputc('"', fp);
	if (strchr("=+-@\t\r", s[0]) && s[0])
		fputc('\'', fp);
	for (p = s; *p; p++) {
		if (*p == '"')
			fputc('"', fp);
		fputc(*p, fp);
	}
	if (quote)
		fputc('"', fp);
}

static int
csv_open(struct atomicfile *af, const char *path, struct diag *d)
{
	if (atomicfile_open(af, path) < 0)
		return diag_error(d, path, 0, "cannot write: %s", strerror(errno));
	fputs("\xEF\xBB\xBF", af->fp);
	return 0;
}

static int
csv_commit(struct atomicfile *af, const char *path, struct diag *d)
{
	if (ferror(af->fp) || atomicfile_commit(af) < 0) {
		int e = errno;

		atomicfile_abort(af);
		return diag_error(d, path, 0, "cannot write: %s", strerror(e));
	}
	return 0;
}

int
tmpl_write_progress_csv(const struct tmpl_set *s, const struct tmpl_ministry *m, const char *path,
                        struct diag *d)
{
	struct atomicfile af;
	size_t r;
	int c;

	(void)s;
	if (csv_open(&af, path, d) < 0)
		return -1;
	for (c = 0; c < 8; c++)
		csv_cell(af.fp, tmpl_progress_cols[c], c == 0);
	fputs("\r\n", af.fp);
	for (r = 0; r < m->nmeasures; r++) {
		csv_cell(af.fp, m->measures[r]->id, 1);
		csv_cell(af.fp, m->measures[r]->title, 0);
		csv_cell(af.fp, m->name, 0);
		fputs(",,,,,\r\n", af.fp);
	}
	return csv_commit(&af, path, d);
}

int
tmpl_write_indicators_csv(const struct tmpl_set *s, const struct tmpl_ministry *m, const char *path,
                          struct diag *d)
{
	struct atomicfile af;
	size_t r;
	int c;

	if (csv_open(&af, path, d) < 0)
		return -1;
	for (c = 0; c < 7; c++)
		csv_cell(af.fp, tmpl_indicator_cols[c], c == 0);
	fputs("\r\n", af.fp);
	for (r = 0; r < m->nindicators; r++) {
		const struct tmpl_indicator *t = m->indicators[r].ind;

		csv_cell(af.fp, t->text, 1);
		csv_cell(af.fp, s->year, 0);
		csv_cell(af.fp, "", 0);
		csv_cell(af.fp, "", 0);
		csv_cell(af.fp, t->source, 0);
		csv_cell(af.fp, m->indicators[r].target, 0);
		csv_cell(af.fp, m->name, 0);
		fputs("\r\n", af.fp);
	}
	return csv_commit(&af, path, d);
}
