package com.changgou.sandbox.api;

import com.changgou.sandbox.SandboxProperties;
import com.changgou.sandbox.protocol.SignType;
import com.changgou.sandbox.protocol.WxFields;
import com.changgou.sandbox.protocol.WxSigner;
import com.changgou.sandbox.protocol.WxXml;
import com.changgou.sandbox.trade.Ids;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/**
 * WeChat's answers. return_code FAIL (unsigned) when the request could not be read at all; otherwise
 * return_code SUCCESS, signed with the request's sign type, and result_code SUCCESS or FAIL with err_code.
 */
@Component
class XmlReplies {

    private static final MediaType TEXT_XML = MediaType.parseMediaType("text/xml;charset=UTF-8");

    private final WxSigner signer;
    private final Ids ids;

    XmlReplies(SandboxProperties properties, Ids ids) {
        this.signer = new WxSigner(properties.key());
        this.ids = ids;
    }

    ResponseEntity<String> unreadable(String returnMsg) {
        return returnFail(HttpStatus.OK, returnMsg);
    }

    /** return_code FAIL, unsigned: the call was refused before its body was even considered. */
    ResponseEntity<String> returnFail(HttpStatus status, String returnMsg) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put(WxFields.RETURN_CODE, WxFields.FAIL);
        fields.put(WxFields.RETURN_MSG, returnMsg);
        return ResponseEntity.status(status).contentType(TEXT_XML).body(WxXml.write(fields));
    }

    ResponseEntity<String> success(Map<String, String> request, SignType signType, Map<String, String> own) {
        Map<String, String> fields = envelope(request);
        fields.put(WxFields.RESULT_CODE, WxFields.SUCCESS);
        fields.putAll(own);
        return signed(fields, signType);
    }

    ResponseEntity<String> refused(Map<String, String> request, SignType signType, String errCode, String des) {
        Map<String, String> fields = envelope(request);
        fields.put(WxFields.RESULT_CODE, WxFields.FAIL);
        fields.put(WxFields.ERR_CODE, errCode);
        fields.put(WxFields.ERR_CODE_DES, des);
        return signed(fields, signType);
    }

    private Map<String, String> envelope(Map<String, String> request) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put(WxFields.RETURN_CODE, WxFields.SUCCESS);
        fields.put(WxFields.RETURN_MSG, "OK");
        fields.put(WxFields.APPID, request.get(WxFields.APPID));
        fields.put(WxFields.MCH_ID, request.get(WxFields.MCH_ID));
        fields.put(WxFields.NONCE_STR, ids.nonce());
        return fields;
    }

    private ResponseEntity<String> signed(Map<String, String> fields, SignType signType) {
        fields.put(WxFields.SIGN, signer.sign(fields, signType));
        return xml(fields);
    }

    private static ResponseEntity<String> xml(Map<String, String> fields) {
        return ResponseEntity.ok().contentType(TEXT_XML).body(WxXml.write(fields));
    }
}
