const { Resvg } = require('@resvg/resvg-js'); const fs = require('fs');
const f = process.argv[2];
try { const png = new Resvg(fs.readFileSync(f, 'utf8'), { font: { loadSystemFonts: false, fontFiles: fs.readdirSync('/tmp/cardcache').filter(x=>x.endsWith('.otf')).map(x=>'/tmp/cardcache/'+x) } }).render().asPng(); console.log(f, 'ok', png.length); } catch (e) { console.log(f, 'err', e.message); }
