// The wxpay page waits on its WeChat payment (paywait.js) with the settings the server wrote into it.
window.PayWait.start(window.WXPAY);
