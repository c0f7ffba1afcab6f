// The Alipay page waits on its Alipay payment (paywait.js), paid on the phone that scanned its QR code.
window.PayWait.start(window.ALIPAY);
