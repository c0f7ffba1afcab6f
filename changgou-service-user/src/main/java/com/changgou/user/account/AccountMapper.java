package com.changgou.user.account;

import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

/** SQL of {@code tb_user}; statements in AccountMapper.xml beside this interface's path. */
@Mapper
interface AccountMapper {

    /** @throws org.springframework.dao.DuplicateKeyException when the username is already taken */
    void insert(AccountRow account);

    /** Compares byte for byte: {@code username} must already be normalised. Null when there is no such row. */
    AccountRow findByUsername(@Param("username") String username);
}
