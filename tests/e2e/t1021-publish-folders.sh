#!/bin/sh
# Issue 16: publish takes a folder (feedback/) beside the files, all or
# nothing as for the files (issue 12): the folder is replaced whole (a
# ministry with nothing left to fix has no letter left), the draft's
# folder and other folders of output/Y (templates/) are kept, a deeper
# folder is refused, and a failing chase stage publishes nothing.
. "$(dirname "$0")/../lib.sh"

test_year 2014

save() {
	rm -rf "$TRASH/prev" && cp -a "$O" "$TRASH/prev"
}
same_as_saved() {
	diff -r "$TRASH/prev" "$O"
}
# add_row FILE MEASURE MINISTRY: a new CSV with the pair's row.
add_row() {
	printf "measure,ministry,results,evaluation\r\n%s,%s,追加の報告の実績。,前進した。\r\n" \
		"$2" "$3" >"$S/$1"
}

test_expect_success 'report, then draft: feedback/ and feedback-draft/ published, both kept' '
	test_make report YEAR=2014 2>/dev/null &&
	diff -r "$W/feedback" "$O/feedback" &&
	test -f "$O/feedback/moj-法務省.xlsx" &&
	mkdir "$O/templates" && echo form >"$O/templates/cas-内閣官房.xlsx" &&
	test_make draft YEAR=2014 2>/dev/null &&
	diff -r "$W/feedback" "$O/feedback" &&
	diff -r "$W/draft/feedback-draft" "$O/feedback-draft" &&
	test "$(cat "$O/templates/cas-内閣官房.xlsx")" = form
'

test_expect_success 'a ministry that sends its missing row: its letter is gone, the rest kept' '
	add_row moj-add.csv 1-3-サ 法務省 &&
	test_make report YEAR=2014 2>/dev/null &&
	! test -e "$O/feedback/moj-法務省.xlsx" &&
	test -f "$O/feedback/mic-総務省.xlsx" &&
	test -f "$O/feedback-draft/moj-法務省.xlsx" &&
	test "$(cat "$O/templates/cas-内閣官房.xlsx")" = form &&
	! ls -A "$TRASH/output" | grep -v "^2014$"
'

test_expect_success 'the chase stage failing: nothing published, exit non-zero' '
	save &&
	add_row mic-add.csv 1-4-マ 総務省 &&
	mkdir "$W/status-2014.xlsx.tmp" && touch "$W/status-2014.xlsx.tmp/x" &&
	! test_make -j1 report YEAR=2014 >"$TRASH/f.out" 2>&1 &&
	same_as_saved &&
	rm -r "$W/status-2014.xlsx.tmp" &&
	test_make report YEAR=2014 2>/dev/null &&
	! test -e "$O/feedback/mic-総務省.xlsx"
'

test_expect_success 'a folder inside a kept folder: publish refuses, nothing published' '
	save && mkdir "$O/templates/old" &&
	add_row npa-add.csv 1-1-3-ア 警察庁 &&
	! test_make report YEAR=2014 >"$TRASH/n.out" 2>&1 &&
	grep -F "templates/old is a folder" "$TRASH/n.out" &&
	rmdir "$O/templates/old" && same_as_saved
'

test_done
