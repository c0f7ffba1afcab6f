package com.changgou.order.catalogue;

import java.util.Collection;
import java.util.List;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

/** SQL of the catalogue; statements in SkuMapper.xml beside this interface's path. */
@Mapper
public interface SkuMapper {

    /** The goods on sale, by id. */
    List<Sku> findOnSale();

    /** The skus of these ids that exist, on sale or not; {@code ids} must not be empty. */
    List<Sku> findByIds(@Param("ids") Collection<Long> ids);
}
