import { webhookUrlProblem } from './webhook-url';

describe('webhookUrlProblem', () => {
  it.each([
    'https://ntfy.sh/?topic=my-car',
    'https://gotify.example.com/message?token=AbCdEf',
    'http://192.168.1.20:8080/hooks/motovaultpro',
  ])('takes %s', (url) => {
    expect(webhookUrlProblem(url)).toBeUndefined();
  });

  it.each([
    ['ftp://example.com/hook', 'must be an http:// or https:// URL'],
    ['example.com/hook', 'must be an http:// or https:// URL'],
    ['javascript:alert(1)', 'must be an http:// or https:// URL'],
    ['https://user:secret@ntfy.sh/?topic=x', 'must not hold a user name or password'],
    [`https://example.com/${'a'.repeat(2000)}`, 'must be at most 2,000 characters'],
  ])('refuses %.40s', (url, problem) => {
    expect(webhookUrlProblem(url)).toContain(problem);
  });
});
