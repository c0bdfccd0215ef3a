import { Injectable } from '@nestjs/common';
import MarkdownIt from 'markdown-it';
import sanitizeHtml from 'sanitize-html';

/**
 * Turns a contribution's light Markdown into HTML that cannot run script: markdown-it
 * with raw HTML disabled, then sanitize-html with a short allow-list as a second wall.
 */
@Injectable()
export class BodyRenderer {
  // images are not part of light Markdown: `![alt](url)` stays a link to the url rather
  // than an <img> that the sanitizer would turn into a bare "<img />" text, losing both
  private readonly markdown = new MarkdownIt({ html: false, linkify: true, breaks: true, typographer: false }).disable(
    'image',
  );

  private readonly sanitizeOptions: sanitizeHtml.IOptions = {
    allowedTags: [
      'p',
      'br',
      'strong',
      'em',
      'del',
      's',
      'code',
      'pre',
      'blockquote',
      'ul',
      'ol',
      'li',
      'a',
      'h3',
      'h4',
      'h5',
      'h6',
      'hr',
      'table',
      'thead',
      'tbody',
      'tr',
      'th',
      'td',
    ],
    allowedAttributes: { a: ['href', 'title', 'rel', 'target'], ol: ['start'] },
    allowedSchemes: ['http', 'https', 'mailto'],
    allowedSchemesAppliedToAttributes: ['href'],
    allowProtocolRelative: false,
    disallowedTagsMode: 'escape',
    transformTags: {
      h1: 'h3',
      h2: 'h3',
      a: sanitizeHtml.simpleTransform('a', { rel: 'nofollow noopener noreferrer ugc', target: '_blank' }),
    },
  };

  render(body: string): string {
    return sanitizeHtml(this.markdown.render(body), this.sanitizeOptions).trim();
  }
}
