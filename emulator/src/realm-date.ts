// The script realm's Date: reads the fake clock, and does local time in the script's time zone, as Apps Script's V8 does.

/**
 * Source evaluated inside the realm. It takes `now()` and the time zone and replaces `Date` (and the
 * default zone of `Intl.DateTimeFormat`), so `new Date(2026, 0, 5)`, `getHours()`, `setDate()` and
 * `toString()` all work in the script's zone whatever the Node process's TZ is.
 */
export const REALM_DATE_SOURCE = `(function (now, tz) {
  var RealDate = globalThis.Date;
  var RealDTF = Intl.DateTimeFormat;
  var fmt = new RealDTF('en-US', { timeZone: tz, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric',
    hour: 'numeric', minute: 'numeric', second: 'numeric', weekday: 'short' });
  var DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
  var MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
  function parts(t) {
    var p = {};
    fmt.formatToParts(new RealDate(t)).forEach(function (x) { p[x.type] = x.value; });
    return { y: +p.year, mo: +p.month - 1, d: +p.day, h: +p.hour, mi: +p.minute, s: +p.second,
      ms: ((t % 1000) + 1000) % 1000, wd: DAYS.indexOf(p.weekday) };
  }
  function offset(t) {
    var z = parts(t);
    return Math.round((RealDate.UTC(z.y, z.mo, z.d, z.h, z.mi, z.s, z.ms) - t) / 60000);
  }
  function fromLocal(y, mo, d, h, mi, s, ms) {
    var guess = RealDate.UTC(y, mo, d, h, mi, s, ms);
    var t = guess - offset(guess) * 60000;
    return guess - offset(t) * 60000;
  }
  var LOCAL = /^(\\d{4})-(\\d\\d)-(\\d\\d)[T ](\\d\\d):(\\d\\d)(?::(\\d\\d)(?:\\.(\\d{1,3}))?)?$/;
  function parse(s) {
    var m = LOCAL.exec(String(s).trim());
    if (m) return fromLocal(+m[1], +m[2] - 1, +m[3], +m[4], +m[5], +(m[6] || 0), +((m[7] || '0') + '00').slice(0, 3));
    return RealDate.parse(s);
  }
  function pad(n, w) { return String(n).padStart(w || 2, '0'); }
  function zone(t) { var o = offset(t), a = Math.abs(o); return 'GMT' + (o < 0 ? '-' : '+') + pad(Math.floor(a / 60)) + pad(a % 60); }
  class FakeDate extends RealDate {
    constructor(...a) {
      if (a.length === 0) super(Math.floor(now()));
      else if (a.length === 1) super(typeof a[0] === 'string' ? parse(a[0]) : Object.prototype.toString.call(a[0]) === '[object Date]' ? a[0].getTime() : a[0]);
      else super(fromLocal(a[0], a[1], a.length > 2 ? a[2] : 1, a[3] || 0, a[4] || 0, a[5] || 0, a[6] || 0));
    }
    static now() { return Math.floor(now()); }
    static parse(s) { return parse(s); }
    getFullYear() { return parts(this.getTime()).y; }
    getMonth() { return parts(this.getTime()).mo; }
    getDate() { return parts(this.getTime()).d; }
    getDay() { return parts(this.getTime()).wd; }
    getHours() { return parts(this.getTime()).h; }
    getMinutes() { return parts(this.getTime()).mi; }
    getSeconds() { return parts(this.getTime()).s; }
    getTimezoneOffset() { return 0 - offset(this.getTime()) || 0; }
    setFullYear(y, mo, d) { var z = parts(this.getTime()); return this.setTime(fromLocal(y, mo === undefined ? z.mo : mo, d === undefined ? z.d : d, z.h, z.mi, z.s, z.ms)); }
    setMonth(mo, d) { var z = parts(this.getTime()); return this.setTime(fromLocal(z.y, mo, d === undefined ? z.d : d, z.h, z.mi, z.s, z.ms)); }
    setDate(d) { var z = parts(this.getTime()); return this.setTime(fromLocal(z.y, z.mo, d, z.h, z.mi, z.s, z.ms)); }
    setHours(h, mi, s, ms) { var z = parts(this.getTime()); return this.setTime(fromLocal(z.y, z.mo, z.d, h, mi === undefined ? z.mi : mi, s === undefined ? z.s : s, ms === undefined ? z.ms : ms)); }
    setMinutes(mi, s, ms) { var z = parts(this.getTime()); return this.setTime(fromLocal(z.y, z.mo, z.d, z.h, mi, s === undefined ? z.s : s, ms === undefined ? z.ms : ms)); }
    toDateString() { var z = parts(this.getTime()); return DAYS[z.wd] + ' ' + MONTHS[z.mo] + ' ' + pad(z.d) + ' ' + z.y; }
    toTimeString() { var z = parts(this.getTime()); return pad(z.h) + ':' + pad(z.mi) + ':' + pad(z.s) + ' ' + zone(this.getTime()); }
    toString() { return isNaN(this.getTime()) ? 'Invalid Date' : this.toDateString() + ' ' + this.toTimeString(); }
    toLocaleString(l, o) { return super.toLocaleString(l, Object.assign({ timeZone: tz }, o)); }
    toLocaleDateString(l, o) { return super.toLocaleDateString(l, Object.assign({ timeZone: tz }, o)); }
    toLocaleTimeString(l, o) { return super.toLocaleTimeString(l, Object.assign({ timeZone: tz }, o)); }
  }
  Object.defineProperty(FakeDate, 'name', { value: 'Date' });
  function DateTimeFormat(l, o) { return new RealDTF(l, Object.assign({ timeZone: tz }, o)); }
  DateTimeFormat.prototype = RealDTF.prototype;
  DateTimeFormat.supportedLocalesOf = RealDTF.supportedLocalesOf;
  Intl.DateTimeFormat = DateTimeFormat;
  globalThis.Date = FakeDate;
})`;
