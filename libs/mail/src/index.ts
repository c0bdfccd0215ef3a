export * from './catalogue';
export * from './mail-delivery-error';
export * from './mail-layout';
export * from './mail-template';
export * from './mail-transport';
export * from './mail.module';
export * from './mime-message';
export * from './outgoing-mail';
