// axe.js: runs axe-core in Debian's headless Chromium on HTML files
// (issue 17) and prints every violation of the WCAG 2.1 A and AA rules.
//
//   node tests/a11y/axe.js [--shot WIDTH OUT.png]... [--pdf OUT.pdf] FILE.html...
//
// Exit 0 when no file has a violation, 1 when one has, 3 when Chromium
// or axe cannot run.  --shot saves a full-page screenshot of the first
// file at the viewport width WIDTH (CSS pixels); --pdf prints the first
// file with its own print CSS (@page) to OUT.pdf.
'use strict';
const fs = require('fs');
const os = require('os');
const path = require('path');
const puppeteer = require('puppeteer-core');

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

async function main(argv) {
	const shots = [];
	const files = [];
	let pdf = null;
	for (let i = 0; i < argv.length; i++) {
		if (argv[i] === '--shot') {
			shots.push({ width: Number(argv[i + 1]), out: argv[i + 2] });
			i += 2;
		} else if (argv[i] === '--pdf') {
			pdf = argv[++i];
		} else {
			files.push(argv[i]);
		}
	}
	if (files.length === 0) {
		console.error('usage: axe.js [--shot WIDTH OUT.png]... FILE.html...');
		return 2;
	}
	const axeSource = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
	const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'axe-chromium-'));
	const browser = await puppeteer.launch({
		executablePath: '/usr/bin/chromium',
		headless: true,
		args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic',
		       '--no-first-run', '--disable-background-networking',
		       '--disable-component-update', '--disable-sync',
		       '--user-data-dir=' + profile],
	});
	let bad = 0;
	try {
		for (const f of files) {
			const page = await browser.newPage();
			await page.setViewport({ width: 1280, height: 900 });
			await page.goto('file://' + path.resolve(f), { waitUntil: 'load' });
			await page.addScriptTag({ content: axeSource });
			const res = await page.evaluate(async (tags) => {
				// eslint-disable-next-line no-undef
				const r = await axe.run(document, { runOnly: { type: 'tag', values: tags },
				                                    resultTypes: ['violations'] });
				return r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help,
					nodes: v.nodes.slice(0, 5).map((n) => n.target.join(' ')),
					count: v.nodes.length }));
			}, TAGS);
			for (const v of res) {
				console.log(`${f}: ${v.id} (${v.impact}, ${v.count} elements): ${v.help}`);
				for (const n of v.nodes)
					console.log(`    ${n}`);
			}
			if (res.length > 0)
				bad = 1;
			else
				console.log(`${f}: axe ${TAGS.join(',')}: 0 violations`);
			if (f === files[0]) {
				for (const s of shots) {
					await page.setViewport({ width: s.width, height: 900 });
					await page.screenshot({ path: s.out, fullPage: false });
				}
				if (pdf)
					await page.pdf({ path: pdf, preferCSSPageSize: true, printBackground: true });
			}
			await page.close();
		}
	} finally {
		await browser.close();
		fs.rmSync(profile, { recursive: true, force: true });
	}
	return bad;
}

main(process.argv.slice(2)).then((st) => process.exit(st), (e) => {
	console.error('axe.js: ' + (e && e.stack ? e.stack : e));
	process.exit(3);
});
