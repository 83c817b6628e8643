// The customer review email: templates filled, details labelled, header-safe subject, escaped HTML, Chinese intact.
import fc from 'fast-check';
import { renderCustomerEmail } from '../../../../src/domain/reminders/email';
import { customer, settings } from './fixtures';

describe('renderCustomerEmail in English', () => {
  const email = renderCustomerEmail(
    customer({ company: 'Analytical Engines Ltd', preferredChannel: 'email', productPreference: 'premium' }),
    settings({ senderName: 'Babbage & Co', replyTo: 'Desk@Firm.example' }),
  );

  test('addresses, sender and reply-to come from the record and Settings', () => {
    expect(email.to).toBe('ada@example.com');
    expect(email.name).toBe('Babbage & Co');
    expect(email.replyTo).toBe('desk@firm.example');
    expect(email.subject).toBe('Please check the details we hold for you');
  });

  test('the plain-text body lists the details with their labels', () => {
    expect(email.body).toContain('Dear Ada Lovelace,');
    expect(email.body).toContain('(reference C-000001)');
    expect(email.body).toContain(
      [
        'Name: Ada Lovelace',
        'Company: Analytical Engines Ltd',
        'Phone: +447700900123',
        'Email: ada@example.com',
        'Address: 12 St James’s Square, London, SW1Y 4LB, United Kingdom',
        'Preferred channel: Email',
        'Product preference: Premium',
        'Promotion preference: (not on file)',
      ].join('\n'),
    );
    expect(email.body.endsWith('Babbage & Co')).toBe(true);
  });

  test('the HTML part holds the same text, escaped, with the details as a table', () => {
    expect(email.htmlBody).toContain('<p>Dear Ada Lovelace,</p>');
    expect(email.htmlBody).toContain(
      '<th align="left" style="padding:2px 12px 2px 0">Company</th><td>Analytical Engines Ltd</td>',
    );
    expect(email.htmlBody).toContain('Babbage &amp; Co');
    expect(email.htmlBody).toContain('<td>12 St James’s Square, London, SW1Y 4LB, United Kingdom</td>');
  });

  test('no reply-to when Settings leave it blank or hold something that is not an address', () => {
    expect(renderCustomerEmail(customer(), settings({ replyTo: null })).replyTo).toBeNull();
    expect(
      renderCustomerEmail(customer(), settings({ replyTo: 'a@b.com\r\nBcc: x@y.com' })).replyTo,
    ).toBeNull();
  });
});

describe('renderCustomerEmail in Chinese', () => {
  const record = customer({
    name: '张三',
    company: '深圳市腾飞科技有限公司',
    country: 'CN',
    region: '广东省',
    city: '深圳市',
    street: '南山区科技园路 1 号',
    postcode: '518000',
    email: 'zhang@example.cn',
    preferredChannel: 'email',
  });
  const email = renderCustomerEmail(record, settings({ language: 'zh', senderName: '客户服务部' }));

  test('uses the Chinese templates and labels, with every character intact', () => {
    expect(email.subject).toBe('请核对我们保存的您的信息');
    expect(email.body.startsWith('张三，您好：')).toBe(true);
    expect(email.body).toContain('姓名：张三');
    expect(email.body).toContain('公司全称：深圳市腾飞科技有限公司');
    expect(email.body).toContain('地址：中国 广东省 深圳市 南山区科技园路 1 号 518000');
    expect(email.body).toContain('首选联系方式：电子邮件');
    expect(email.body).toContain('促销偏好：（未登记）');
    expect(email.htmlBody).toContain('<td>张三</td>');
    expect(email.htmlBody).toContain('<html lang="zh-CN">');
    expect(email.name).toBe('客户服务部');
  });

  test('a name in the subject keeps characters outside the Basic Multilingual Plane', () => {
    const rare = renderCustomerEmail(
      customer({ name: '𠮷野家' }),
      settings({ language: 'zh', reminderSubjectZh: '{{name}}，请核对信息' }),
    );
    expect(rare.subject).toBe('𠮷野家，请核对信息');
  });
});

describe('templates', () => {
  test('placeholders fill in subject and body; an unknown one stays visible', () => {
    const email = renderCustomerEmail(
      customer(),
      settings({
        reminderSubjectEn: '{{id}}: {{name}} from {{senderName}} {{nope}}',
        reminderBodyEn: 'Reply to {{replyTo}}.\n\n{{details}}',
        replyTo: 'desk@firm.example',
      }),
    );
    expect(email.subject).toBe('C-000001: Ada Lovelace from Customer Register {{nope}}');
    expect(email.body.startsWith('Reply to desk@firm.example.\n\nName: Ada Lovelace')).toBe(true);
  });

  test('a value that looks like a placeholder is not expanded again', () => {
    const email = renderCustomerEmail(customer({ name: '{{id}} {{details}}' }), settings());
    expect(email.body).toContain('Dear {{id}} {{details}},');
  });

  test('a blanked template falls back to the shipped one', () => {
    const email = renderCustomerEmail(
      customer(),
      settings({ reminderSubjectEn: '  ', reminderBodyEn: null }),
    );
    expect(email.subject).toBe('Please check the details we hold for you');
    expect(email.body).toContain('Dear Ada Lovelace,');
  });

  test('a test send goes to the given address; a record without one is refused', () => {
    expect(renderCustomerEmail(customer({ email: '' }), settings(), { to: 'Admin@Firm.example' }).to).toBe(
      'admin@firm.example',
    );
    expect(() => renderCustomerEmail(customer({ email: 'x@y.com\nBcc: z@w.com' }), settings())).toThrow(
      RangeError,
    );
  });
});

describe('bad input', () => {
  test('a name with a line break and Bcc: stays on the subject line', () => {
    const email = renderCustomerEmail(
      customer({ name: 'Eve\r\nBcc: all@victim.example\u2028X-Evil: 1' }),
      settings({ reminderSubjectEn: 'Hello {{name}}' }),
    );
    expect(email.subject).toBe('Hello Eve Bcc: all@victim.example X-Evil: 1');
    expect(email.subject).not.toMatch(/[\r\n]/);
  });

  test('any name: the subject is one line without control characters', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), fc.constantFrom('en', 'zh'), (name, language) => {
        const email = renderCustomerEmail(
          customer({ name }),
          settings({
            language,
            reminderSubjectEn: '{{name}} {{id}}',
            reminderSubjectZh: '{{name}}：{{details}}',
          }),
        );
        // biome-ignore lint/suspicious/noControlCharactersInRegex: the property is the absence of control characters.
        expect(email.subject).not.toMatch(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/);
        expect(email.name).not.toMatch(/[\r\n]/);
      }),
    );
  });

  test('any field: the HTML part contains no markup from the data', () => {
    // No line breaks here: those legitimately become <br>. Markup from the data would add to the count of '<'.
    const field = fc.string({
      unit: fc.constantFrom('<', '>', '&', '"', "'", 'a', ' ', '/', '=', '张', 'b', 'r', 'p'),
    });
    const render = (name: string, company: string, street: string, senderName: string) =>
      renderCustomerEmail(
        customer({ name, company, street, id: `C-1${name}` }),
        settings({
          senderName,
          reminderBodyEn: '<b>{{name}}</b>\n\n{{details}}\n\nx {{details}} y {{senderName}}',
        }),
      ).htmlBody;
    const tags = (html: string) => html.split('<').length;
    const baseline = tags(render('', '', '', ''));
    fc.assert(
      fc.property(field, field, field, field, (name, company, street, senderName) => {
        const html = render(name, company, street, senderName);
        expect(tags(html)).toBe(baseline);
        expect(html).not.toMatch(/&(?!(?:amp|lt|gt|quot|#39);)/);
      }),
    );
  });

  test('line breaks in data become <br> and nothing else', () => {
    const email = renderCustomerEmail(customer({ name: 'a\n<b>' }), settings({ reminderBodyEn: '{{name}}' }));
    expect(email.htmlBody).toContain('<p>a<br>&lt;b&gt;</p>');
  });

  test('HTML typed in a field arrives as text', () => {
    const email = renderCustomerEmail(customer({ name: '<script>alert(1)</script>' }), settings());
    expect(email.htmlBody).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(email.htmlBody).not.toContain('<script>');
    expect(email.body).toContain('Dear <script>alert(1)</script>,');
  });
});
