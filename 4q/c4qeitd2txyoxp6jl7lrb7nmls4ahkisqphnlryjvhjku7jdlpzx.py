# AOT ID: ['0_inference']
from ctypes import c_void_p, c_long, c_int
import torch
import math
import random
import os
import tempfile
from math import inf, nan
from cmath import nanj
from torch._inductor.hooks import run_intermediate_hooks
from torch._inductor.utils import maybe_profile
from torch._inductor.codegen.memory_planning import _align as align
from torch import device, empty_strided
from torch._inductor.async_compile import AsyncCompile
from torch._inductor.select_algorithm import extern_kernels

aten = torch.ops.aten
inductor_ops = torch.ops.inductor
_quantized = torch.ops._quantized
assert_size_stride = torch._C._dynamo.guards.assert_size_stride
assert_alignment = torch._C._dynamo.guards.assert_alignment
empty_strided_cpu = torch._C._dynamo.guards._empty_strided_cpu
empty_strided_cpu_pinned = torch._C._dynamo.guards._empty_strided_cpu_pinned
empty_strided_cuda = torch._C._dynamo.guards._empty_strided_cuda
empty_strided_xpu = torch._C._dynamo.guards._empty_strided_xpu
empty_strided_mtia = torch._C._dynamo.guards._empty_strided_mtia
reinterpret_tensor = torch._C._dynamo.guards._reinterpret_tensor
alloc_from_pool = torch.ops.inductor._alloc_from_pool
async_compile = AsyncCompile()
empty_strided_p2p = torch._C._distributed_c10d._SymmetricMemory.empty_strided_p2p


cpp_fused_convolution_0 = async_compile.cpp_pybinding(['const float*', 'float*'], r'''
#include <torch/csrc/inductor/cpp_prefix.h>
extern "C"  void  kernel(const float* in_ptr0,
                       float* out_ptr0)
{
    std::atomic<int> inductor_cpu_integer_div_error{0};
    inductor_cpu_integer_div_error_flag = &inductor_cpu_integer_div_error;
    {
        #pragma GCC ivdep
        for(int64_t x0=static_cast<int64_t>(0L); x0<static_cast<int64_t>(2L); x0+=static_cast<int64_t>(1L))
        {
            for(int64_t x1=static_cast<int64_t>(0L); x1<static_cast<int64_t>(4L); x1+=static_cast<int64_t>(16L))
            {
                for(int64_t x2=static_cast<int64_t>(0L); x2<static_cast<int64_t>(64L); x2+=static_cast<int64_t>(16L))
                {
                    {
                        if(C10_LIKELY(x1 >= static_cast<int64_t>(0L) && x1 < static_cast<int64_t>(4L) && x2 >= static_cast<int64_t>(0) && x2 < static_cast<int64_t>(64L)))
                        {
                            alignas(std::max(std::size_t(16), alignof(float))) float tmp1[16*16];
                            for (long x1_inner = 0; x1_inner < static_cast<int64_t>(4L); x1_inner++)
                            {
                                auto tmp0 = at::vec::Vectorized<float>::loadu(in_ptr0 + static_cast<int64_t>(x2 + 64L*x1 + 64L*x1_inner + 256L*x0), static_cast<int64_t>(16));
                                tmp0.store(tmp1 + static_cast<int64_t>(16L*x1_inner));
                            }
                            transpose_mxn<float,static_cast<int64_t>(4L),static_cast<int64_t>(16),false>(tmp1, static_cast<int64_t>(16), out_ptr0 + static_cast<int64_t>(x1 + 4L*x2 + 256L*x0), static_cast<int64_t>(4L));
                        }
                    }
                }
            }
        }
    }
    inductor_cpu_integer_div_error_flag = nullptr;
    inductor_cpu_throw_if_integer_div_error(inductor_cpu_integer_div_error);
}
''')


cpp_fused__to_copy_arange_cat_cos_div_exp_expand_mul_sin_slice_unsqueeze_1 = async_compile.cpp_pybinding(['const int64_t*', 'const float*', 'float*', 'float*', 'float*', 'float*'], r'''
#include <torch/csrc/inductor/cpp_prefix.h>
extern "C"  void  kernel(const int64_t* in_ptr0,
                       const float* in_ptr1,
                       float* out_ptr1,
                       float* out_ptr2,
                       float* out_ptr3,
                       float* out_ptr4)
{
    std::atomic<int> inductor_cpu_integer_div_error{0};
    inductor_cpu_integer_div_error_flag = &inductor_cpu_integer_div_error;
    {
        #pragma GCC ivdep
        for(int64_t x0=static_cast<int64_t>(0L); x0<static_cast<int64_t>(2L); x0+=static_cast<int64_t>(1L))
        {
            for(int64_t x1=static_cast<int64_t>(0L); x1<static_cast<int64_t>(16L); x1+=static_cast<int64_t>(16L))
            {
                {
                    if(C10_LIKELY(x1 >= static_cast<int64_t>(0) && x1 < static_cast<int64_t>(16L)))
                    {
                        auto tmp0 = in_ptr0[static_cast<int64_t>(0L)];
                        auto tmp1 = c10::convert<float>(tmp0);
                        auto tmp2 = x1;
                        auto tmp3 = c10::convert<float>(tmp2);
                        auto tmp4 = at::vec::Vectorized<float>::arange(tmp3, 1);
                        auto tmp5 = static_cast<float>(-9.210340371976184);
                        auto tmp6 = at::vec::Vectorized<float>(tmp5);
                        auto tmp7 = tmp4 * tmp6;
                        auto tmp8 = static_cast<float>(16.0);
                        auto tmp9 = at::vec::Vectorized<float>(tmp8);
                        auto tmp10 = tmp7 / tmp9;
                        auto tmp11 = tmp10.exp();
                        auto tmp12 = at::vec::Vectorized<float>(tmp1);
                        auto tmp13 = tmp12 * tmp11;
                        auto tmp14 = static_cast<float>(1.0);
                        auto tmp15 = at::vec::Vectorized<float>(tmp14);
                        auto tmp16 = tmp13 * tmp15;
                        auto tmp17 = tmp16.sin();
                        auto tmp18 = tmp16.cos();
                        tmp17.store(out_ptr1 + static_cast<int64_t>(x1 + 32L*x0));
                        tmp18.store(out_ptr2 + static_cast<int64_t>(x1 + 32L*x0));
                    }
                }
            }
        }
    }
    {
        #pragma GCC ivdep
        for(int64_t x0=static_cast<int64_t>(0L); x0<static_cast<int64_t>(2L); x0+=static_cast<int64_t>(1L))
        {
            for(int64_t x1=static_cast<int64_t>(0L); x1<static_cast<int64_t>(16L); x1+=static_cast<int64_t>(16L))
            {
                {
                    if(C10_LIKELY(x1 >= static_cast<int64_t>(0) && x1 < static_cast<int64_t>(16L)))
                    {
                        auto tmp0 = at::vec::Vectorized<float>::loadu(in_ptr1 + static_cast<int64_t>(16L + x1 + 32L*x0), static_cast<int64_t>(16));
                        tmp0.store(out_ptr3 + static_cast<int64_t>(x1 + 32L*x0));
                    }
                }
            }
        }
    }
    {
        #pragma GCC ivdep
        for(int64_t x0=static_cast<int64_t>(0L); x0<static_cast<int64_t>(2L); x0+=static_cast<int64_t>(1L))
        {
            for(int64_t x1=static_cast<int64_t>(0L); x1<static_cast<int64_t>(16L); x1+=static_cast<int64_t>(16L))
            {
                {
                    if(C10_LIKELY(x1 >= static_cast<int64_t>(0) && x1 < static_cast<int64_t>(16L)))
                    {
                        auto tmp0 = at::vec::Vectorized<float>::loadu(in_ptr1 + static_cast<int64_t>(x1 + 32L*x0), static_cast<int64_t>(16));
                        tmp0.store(out_ptr4 + static_cast<int64_t>(x1 + 32L*x0));
                    }
                }
            }
        }
    }
    inductor_cpu_integer_div_error_flag = nullptr;
    inductor_cpu_throw_if_integer_div_error(inductor_cpu_integer_div_error);
}
''')


cpp_fused_silu_2 = async_compile.cpp_pybinding(['float*'], r'''
#include <torch/csrc/inductor/cpp_prefix.h>
extern "C"  void  kernel(float* in_out_ptr0)
{
    std::atomic<int> inductor_cpu_integer_div_error{0};
    inductor_cpu_integer_div_error_flag = &inductor_cpu_integer_div_error;
    {
        for(int64_t x0=static_cast<int64_t>(0L); x0<static_cast<int64_t>(256L); x0+=static_cast<int64_t>(16L))
        {
            {
                if(C10_LIKELY(x0 >= static_cast<int64_t>(0) && x0 < static_cast<int64_t>(256L)))
                {
                    auto tmp0 = at::vec::Vectorized<float>::loadu(in_out_ptr0 + static_cast<int64_t>(x0), static_cast<int64_t>(16));
                    auto tmp1 = tmp0.neg();
                    auto tmp2 = tmp1.exp();
                    auto tmp3 = static_cast<float>(1.0);
                    auto tmp4 = at::vec::Vectorized<float>(tmp3);
                    auto tmp5 = tmp2 + tmp4;
                    auto tmp6 = tmp0 / tmp5;
                    tmp6.store(in_out_ptr0 + static_cast<int64_t>(x0));
                }
            }
        }
    }
    inductor_cpu_integer_div_error_flag = nullptr;
    inductor_cpu_throw_if_integer_div_error(inductor_cpu_integer_div_error);
}
''')


cpp_fused_silu_3 = async_compile.cpp_pybinding(['const float*', 'float*'], r'''
#include <torch/csrc/inductor/cpp_prefix.h>
extern "C"  void  kernel(const float* in_ptr0,
                       float* out_ptr0)
{
    std::atomic<int> inductor_cpu_integer_div_error{0};
    inductor_cpu_integer_div_error_flag = &inductor_cpu_integer_div_error;
    {
        for(int64_t x0=static_cast<int64_t>(0L); x0<static_cast<int64_t>(256L); x0+=static_cast<int64_t>(16L))
        {
            {
                if(C10_LIKELY(x0 >= static_cast<int64_t>(0) && x0 < static_cast<int64_t>(256L)))
                {
                    auto tmp0 = at::vec::Vectorized<float>::loadu(in_ptr0 + static_cast<int64_t>(x0), static_cast<int64_t>(16));
                    auto tmp1 = tmp0.neg();
                    auto tmp2 = tmp1.exp();
                    auto tmp3 = static_cast<float>(1.0);
                    auto tmp4 = at::vec::Vectorized<float>(tmp3);
                    auto tmp5 = tmp2 + tmp4;
                    auto tmp6 = tmp0 / tmp5;
                    tmp6.store(out_ptr0 + static_cast<int64_t>(x0));
                }
            }
        }
    }
    inductor_cpu_integer_div_error_flag = nullptr;
    inductor_cpu_throw_if_integer_div_error(inductor_cpu_integer_div_error);
}
''')


cpp_fused_native_group_norm_silu_4 = async_compile.cpp_pybinding(['float*', 'const float*', 'const float*', 'const float*', 'float*', 'float*', 'float*', 'float*'], r'''
#include <torch/csrc/inductor/cpp_prefix.h>
extern "C"  void  kernel(float* in_out_ptr0,
                       const float* in_ptr0,
                       const float* in_ptr1,
                       const float* in_ptr2,
                       float* out_ptr1,
                       float* out_ptr2,
                       float* out_ptr3,
                       float* out_ptr4)
{
    std::atomic<int> inductor_cpu_integer_div_error{0};
    inductor_cpu_integer_div_error_flag = &inductor_cpu_integer_div_error;
    auto out_ptr0 = in_out_ptr0;
    {
        #pragma GCC ivdep
        for(int64_t x0=static_cast<int64_t>(0L); x0<static_cast<int64_t>(2L); x0+=static_cast<int64_t>(1L))
        {
            #pragma GCC ivdep
            for(int64_t x1=static_cast<int64_t>(0L); x1<static_cast<int64_t>(8L); x1+=static_cast<int64_t>(1L))
            {
                {
                    float tmp_acc0 = 0;
                    at::vec::Vectorized<float> tmp_acc0_vec = at::vec::Vectorized<float>(0);
                    for(int64_t x2=static_cast<int64_t>(0L); x2<static_cast<int64_t>(64L); x2+=static_cast<int64_t>(1L))
                    {
                        for(int64_t x3=static_cast<int64_t>(0L); x3<static_cast<int64_t>(4L); x3+=static_cast<int64_t>(16L))
                        {
                            {
                                if(C10_LIKELY(x3 >= static_cast<int64_t>(0L) && x3 < static_cast<int64_t>(4L)))
                                {
                                    auto tmp0 = at::vec::Vectorized<float>::loadu(in_ptr0 + static_cast<int64_t>(x3 + 4L*x1 + 32L*x2 + 2048L*x0), static_cast<int64_t>(4L));
                                    tmp_acc0_vec = sum_masked_reduce(tmp_acc0_vec, tmp0, static_cast<int64_t>(4L));
                                }
                            }
                        }
                    }
                    tmp_acc0 = tmp_acc0 + at::vec::vec_reduce_all<float, 1>([](at::vec::Vectorized<float>& x, at::vec::Vectorized<float>& y) { return x + y; }, tmp_acc0_vec);
                    out_ptr0[static_cast<int64_t>(x1 + 8L*x0)] = static_cast<float>(tmp_acc0);
                }
            }
        }
    }
    {
        for(int64_t x0=static_cast<int64_t>(0L); x0<static_cast<int64_t>(16L); x0+=static_cast<int64_t>(16L))
        {
            {
                if(C10_LIKELY(x0 >= static_cast<int64_t>(0) && x0 < static_cast<int64_t>(16L)))
                {
                    auto tmp0 = at::vec::Vectorized<float>::loadu(out_ptr0 + static_cast<int64_t>(x0), static_cast<int64_t>(16));
                    auto tmp1 = static_cast<float>(256.0);
                    auto tmp2 = at::vec::Vectorized<float>(tmp1);
                    auto tmp3 = tmp0 / tmp2;
                    tmp3.store(in_out_ptr0 + static_cast<int64_t>(x0));
                }
            }
        }
    }
    {
        #pragma GCC ivdep
        for(int64_t x0=static_cast<int64_t>(0L); x0<static_cast<int64_t>(2L); x0+=static_cast<int64_t>(1L))
        {
            #pragma GCC ivdep
            for(int64_t x1=static_cast<int64_t>(0L); x1<static_cast<int64_t>(8L); x1+=static_cast<int64_t>(1L))
            {
                {
                    float tmp_acc0 = 0;
                    at::vec::Vectorized<float> tmp_acc0_vec = at::vec::Vectorized<float>(0);
                    for(int64_t x2=static_cast<int64_t>(0L); x2<static_cast<int64_t>(64L); x2+=static_cast<int64_t>(1L))
                    {
                        for(int64_t x3=static_cast<int64_t>(0L); x3<static_cast<int64_t>(4L); x3+=static_cast<int64_t>(16L))
                        {
                            {
                                if(C10_LIKELY(x3 >= static_cast<int64_t>(0L) && x3 < static_cast<int64_t>(4L)))
                                {
                                    auto tmp0 = at::vec::Vectorized<float>::loadu(in_ptr0 + static_cast<int64_t>(x3 + 4L*x1 + 32L*x2 + 2048L*x0), static_cast<int64_t>(4L));
                                    auto tmp1 = in_out_ptr0[static_cast<int64_t>(x1 + 8L*x0)];
                                    auto tmp2 = at::vec::Vectorized<float>(tmp1);
                                    auto tmp3 = tmp0 - tmp2;
                                    auto tmp4 = tmp3 * tmp3;
                                    tmp_acc0_vec = sum_masked_reduce(tmp_acc0_vec, tmp4, static_cast<int64_t>(4L));
                                }
                            }
                        }
                    }
                    tmp_acc0 = tmp_acc0 + at::vec::vec_reduce_all<float, 1>([](at::vec::Vectorized<float>& x, at::vec::Vectorized<float>& y) { return x + y; }, tmp_acc0_vec);
                    out_ptr1[static_cast<int64_t>(x1 + 8L*x0)] = static_cast<float>(tmp_acc0);
                }
                for(int64_t x2=static_cast<int64_t>(0L); x2<static_cast<int64_t>(4L); x2+=static_cast<int64_t>(16L))
                {
                    {
                        if(C10_LIKELY(x2 >= static_cast<int64_t>(0L) && x2 < static_cast<int64_t>(4L)))
                        {
                            auto tmp0 = out_ptr1[static_cast<int64_t>(x1 + 8L*x0)];
                            auto tmp6 = at::vec::Vectorized<float>::loadu(in_ptr1 + static_cast<int64_t>(x2 + 4L*x1), static_cast<int64_t>(4L));
                            auto tmp9 = in_out_ptr0[static_cast<int64_t>(x1 + 8L*x0)];
                            auto tmp13 = at::vec::Vectorized<float>::loadu(in_ptr2 + static_cast<int64_t>(x2 + 4L*x1), static_cast<int64_t>(4L));
                            auto tmp1 = static_cast<float>(256.0);
                            auto tmp2 = tmp0 / tmp1;
                            auto tmp3 = static_cast<float>(1e-05);
                            auto tmp4 = float(tmp2 + tmp3);
                            auto tmp5 = 1 / std::sqrt(tmp4);
                            auto tmp7 = at::vec::Vectorized<float>(tmp5);
                            auto tmp8 = tmp7 * tmp6;
                            auto tmp10 = decltype(tmp9)(-tmp9);
                            auto tmp11 = at::vec::Vectorized<float>(tmp10);
                            auto tmp12 = tmp11 * tmp8;
                            auto tmp14 = tmp12 + tmp13;
                            tmp8.store(out_ptr2 + static_cast<int64_t>(x2 + 4L*x1 + 32L*x0), static_cast<int64_t>(4L));
                            tmp14.store(out_ptr3 + static_cast<int64_t>(x2 + 4L*x1 + 32L*x0), static_cast<int64_t>(4L));
                        }
                    }
                }
            }
        }
    }
    {
        #pragma GCC ivdep
        for(int64_t x0=static_cast<int64_t>(0L); x0<static_cast<int64_t>(2L); x0+=static_cast<int64_t>(1L))
        {
            #pragma GCC ivdep
            for(int64_t x1=static_cast<int64_t>(0L); x1<static_cast<int64_t>(64L); x1+=static_cast<int64_t>(1L))
            {
                for(int64_t x2=static_cast<int64_t>(0L); x2<static_cast<int64_t>(32L); x2+=static_cast<int64_t>(16L))
                {
                    {
                        if(C10_LIKELY(x2 >= static_cast<int64_t>(0) && x2 < static_cast<int64_t>(32L)))
                        {
                            auto tmp0 = at::vec::Vectorized<float>::loadu(in_ptr0 + static_cast<int64_t>(x2 + 32L*x1 + 2048L*x0), static_cast<int64_t>(16));
                            auto tmp1 = at::vec::Vectorized<float>::loadu(out_ptr2 + static_cast<int64_t>(x2 + 32L*x0), static_cast<int64_t>(16));
                            auto tmp3 = at::vec::Vectorized<float>::loadu(out_ptr3 + static_cast<int64_t>(x2 + 32L*x0), static_cast<int64_t>(16));
                            auto tmp2 = tmp0 * tmp1;
                            auto tmp4 = tmp2 + tmp3;
                            auto tmp5 = tmp4.neg();
                            auto tmp6 = tmp5.exp();
                            auto tmp7 = static_cast<float>(1.0);
                            auto tmp8 = at::vec::Vectorized<float>(tmp7);
                            auto tmp9 = tmp6 + tmp8;
                            auto tmp10 = tmp4 / tmp9;
                            tmp10.store(out_ptr4 + static_cast<int64_t>(x2 + 32L*x1 + 2048L*x0));
                        }
                    }
                }
            }
        }
    }
    inductor_cpu_integer_div_error_flag = nullptr;
    inductor_cpu_throw_if_integer_div_error(inductor_cpu_integer_div_error);
}
''')


cpp_fused_add_native_group_norm_silu_unsqueeze_5 = async_compile.cpp_pybinding(['float*', 'float*', 'const float*', 'const float*', 'const float*', 'float*', 'float*', 'float*'], r'''
#include <torch/csrc/inductor/cpp_prefix.h>
extern "C"  void  kernel(float* in_out_ptr0,
                       float* in_out_ptr1,
                       const float* in_ptr1,
                       const float* in_ptr2,
                       const float* in_ptr3,
                       float* out_ptr1,
                       float* out_ptr2,
                       float* out_ptr3)
{
    std::atomic<int> inductor_cpu_integer_div_error{0};
    inductor_cpu_integer_div_error_flag = &inductor_cpu_integer_div_error;
    auto out_ptr0 = in_out_ptr0;
    auto in_ptr0 = in_out_ptr1;
    {
        #pragma GCC ivdep
        for(int64_t x0=static_cast<int64_t>(0L); x0<static_cast<int64_t>(2L); x0+=static_cast<int64_t>(1L))
        {
            #pragma GCC ivdep
            for(int64_t x1=static_cast<int64_t>(0L); x1<static_cast<int64_t>(8L); x1+=static_cast<int64_t>(1L))
            {
                {
                    float tmp_acc0 = 0;
                    at::vec::Vectorized<float> tmp_acc0_vec = at::vec::Vectorized<float>(0);
                    for(int64_t x2=static_cast<int64_t>(0L); x2<static_cast<int64_t>(64L); x2+=static_cast<int64_t>(1L))
                    {
                        for(int64_t x3=static_cast<int64_t>(0L); x3<static_cast<int64_t>(4L); x3+=static_cast<int64_t>(16L))
                        {
                            {
                                if(C10_LIKELY(x3 >= static_cast<int64_t>(0L) && x3 < static_cast<int64_t>(4L)))
                                {
                                    auto tmp0 = at::vec::Vectorized<float>::loadu(in_ptr0 + static_cast<int64_t>(x3 + 4L*x1 + 32L*x2 + 2048L*x0), static_cast<int64_t>(4L));
                                    auto tmp1 = at::vec::Vectorized<float>::loadu(in_ptr1 + static_cast<int64_t>(x3 + 4L*x1 + 32L*x0), static_cast<int64_t>(4L));
                                    auto tmp2 = tmp0 + tmp1;
                                    tmp_acc0_vec = sum_masked_reduce(tmp_acc0_vec, tmp2, static_cast<int64_t>(4L));
                                }
                            }
                        }
                    }
                    tmp_acc0 = tmp_acc0 + at::vec::vec_reduce_all<float, 1>([](at::vec::Vectorized<float>& x, at::vec::Vectorized<float>& y) { return x + y; }, tmp_acc0_vec);
                    out_ptr0[static_cast<int64_t>(x1 + 8L*x0)] = static_cast<float>(tmp_acc0);
                }
            }
        }
    }
    {
        for(int64_t x0=static_cast<int64_t>(0L); x0<static_cast<int64_t>(16L); x0+=static_cast<int64_t>(16L))
        {
            {
                if(C10_LIKELY(x0 >= static_cast<int64_t>(0) && x0 < static_cast<int64_t>(16L)))
                {
                    auto tmp0 = at::vec::Vectorized<float>::loadu(out_ptr0 + static_cast<int64_t>(x0), static_cast<int64_t>(16));
                    auto tmp1 = static_cast<float>(256.0);
                    auto tmp2 = at::vec::Vectorized<float>(tmp1);
                    auto tmp3 = tmp0 / tmp2;
                    tmp3.store(in_out_ptr0 + static_cast<int64_t>(x0));
                }
            }
        }
    }
    {
        #pragma GCC ivdep
        for(int64_t x0=static_cast<int64_t>(0L); x0<static_cast<int64_t>(2L); x0+=static_cast<int64_t>(1L))
        {
            #pragma GCC ivdep
            for(int64_t x1=static_cast<int64_t>(0L); x1<static_cast<int64_t>(8L); x1+=static_cast<int64_t>(1L))
            {
                {
                    float tmp_acc0 = 0;
                    at::vec::Vectorized<float> tmp_acc0_vec = at::vec::Vectorized<float>(0);
                    for(int64_t x2=static_cast<int64_t>(0L); x2<static_cast<int64_t>(64L); x2+=static_cast<int64_t>(1L))
                    {
                        for(int64_t x3=static_cast<int64_t>(0L); x3<static_cast<int64_t>(4L); x3+=static_cast<int64_t>(16L))
                        {
                            {
                                if(C10_LIKELY(x3 >= static_cast<int64_t>(0L) && x3 < static_cast<int64_t>(4L)))
                                {
                                    auto tmp0 = at::vec::Vectorized<float>::loadu(in_ptr0 + static_cast<int64_t>(x3 + 4L*x1 + 32L*x2 + 2048L*x0), static_cast<int64_t>(4L));
                                    auto tmp1 = at::vec::Vectorized<float>::loadu(in_ptr1 + static_cast<int64_t>(x3 + 4L*x1 + 32L*x0), static_cast<int64_t>(4L));
                                    auto tmp3 = in_out_ptr0[static_cast<int64_t>(x1 + 8L*x0)];
                                    auto tmp2 = tmp0 + tmp1;
                                    auto tmp4 = at::vec::Vectorized<float>(tmp3);
                                    auto tmp5 = tmp2 - tmp4;
                                    auto tmp6 = tmp5 * tmp5;
                                    tmp_acc0_vec = sum_masked_reduce(tmp_acc0_vec, tmp6, static_cast<int64_t>(4L));
                                }
                            }
                        }
                    }
                    tmp_acc0 = tmp_acc0 + at::vec::vec_reduce_all<float, 1>([](at::vec::Vectorized<float>& x, at::vec::Vectorized<float>& y) { return x + y; }, tmp_acc0_vec);
                    out_ptr1[static_cast<int64_t>(x1 + 8L*x0)] = static_cast<float>(tmp_acc0);
                }
                for(int64_t x2=static_cast<int64_t>(0L); x2<static_cast<int64_t>(4L); x2+=static_cast<int64_t>(16L))
                {
                    {
                        if(C10_LIKELY(x2 >= static_cast<int64_t>(0L) && x2 < static_cast<int64_t>(4L)))
                        {
                            auto tmp0 = out_ptr1[static_cast<int64_t>(x1 + 8L*x0)];
                            auto tmp6 = at::vec::Vectorized<float>::loadu(in_ptr2 + static_cast<int64_t>(x2 + 4L*x1), static_cast<int64_t>(4L));
                            auto tmp9 = in_out_ptr0[static_cast<int64_t>(x1 + 8L*x0)];
                            auto tmp13 = at::vec::Vectorized<float>::loadu(in_ptr3 + static_cast<int64_t>(x2 + 4L*x1), static_cast<int64_t>(4L));
                            auto tmp1 = static_cast<float>(256.0);
                            auto tmp2 = tmp0 / tmp1;
                            auto tmp3 = static_cast<float>(1e-05);
                            auto tmp4 = float(tmp2 + tmp3);
                            auto tmp5 = 1 / std::sqrt(tmp4);
                            auto tmp7 = at::vec::Vectorized<float>(tmp5);
                            auto tmp8 = tmp7 * tmp6;
                            auto tmp10 = decltype(tmp9)(-tmp9);
                            auto tmp11 = at::vec::Vectorized<float>(tmp10);
                            auto tmp12 = tmp11 * tmp8;
                            auto tmp14 = tmp12 + tmp13;
                            tmp8.store(out_ptr2 + static_cast<int64_t>(x2 + 4L*x1 + 32L*x0), static_cast<int64_t>(4L));
                            tmp14.store(out_ptr3 + static_cast<int64_t>(x2 + 4L*x1 + 32L*x0), static_cast<int64_t>(4L));
                        }
                    }
                }
            }
        }
    }
    {
        #pragma GCC ivdep
        for(int64_t x0=static_cast<int64_t>(0L); x0<static_cast<int64_t>(2L); x0+=static_cast<int64_t>(1L))
        {
            #pragma GCC ivdep
            for(int64_t x1=static_cast<int64_t>(0L); x1<static_cast<int64_t>(64L); x1+=static_cast<int64_t>(1L))
            {
                for(int64_t x2=static_cast<int64_t>(0L); x2<static_cast<int64_t>(32L); x2+=static_cast<int64_t>(16L))
                {
                    {
                        if(C10_LIKELY(x2 >= static_cast<int64_t>(0) && x2 < static_cast<int64_t>(32L)))
                        {
                            auto tmp0 = at::vec::Vectorized<float>::loadu(in_out_ptr1 + static_cast<int64_t>(x2 + 32L*x1 + 2048L*x0), static_cast<int64_t>(16));
                            auto tmp1 = at::vec::Vectorized<float>::loadu(in_ptr1 + static_cast<int64_t>(x2 + 32L*x0), static_cast<int64_t>(16));
                            auto tmp3 = at::vec::Vectorized<float>::loadu(out_ptr2 + static_cast<int64_t>(x2 + 32L*x0), static_cast<int64_t>(16));
                            auto tmp5 = at::vec::Vectorized<float>::loadu(out_ptr3 + static_cast<int64_t>(x2 + 32L*x0), static_cast<int64_t>(16));
                            auto tmp2 = tmp0 + tmp1;
                            auto tmp4 = tmp2 * tmp3;
                            auto tmp6 = tmp4 + tmp5;
                            auto tmp7 = tmp6.neg();
                            auto tmp8 = tmp7.exp();
                            auto tmp9 = static_cast<float>(1.0);
                            auto tmp10 = at::vec::Vectorized<float>(tmp9);
                            auto tmp11 = tmp8 + tmp10;
                            auto tmp12 = tmp6 / tmp11;
                            tmp12.store(in_out_ptr1 + static_cast<int64_t>(x2 + 32L*x1 + 2048L*x0));
                        }
                    }
                }
            }
        }
    }
    inductor_cpu_integer_div_error_flag = nullptr;
    inductor_cpu_throw_if_integer_div_error(inductor_cpu_integer_div_error);
}
''')


cpp_fused_add_div_native_group_norm_6 = async_compile.cpp_pybinding(['float*', 'const float*', 'const float*', 'const float*', 'const float*', 'float*', 'float*', 'float*', 'float*'], r'''
#include <torch/csrc/inductor/cpp_prefix.h>
extern "C"  void  kernel(float* in_out_ptr0,
                       const float* in_ptr0,
                       const float* in_ptr1,
                       const float* in_ptr2,
                       const float* in_ptr3,
                       float* out_ptr1,
                       float* out_ptr2,
                       float* out_ptr3,
                       float* out_ptr4)
{
    std::atomic<int> inductor_cpu_integer_div_error{0};
    inductor_cpu_integer_div_error_flag = &inductor_cpu_integer_div_error;
    auto out_ptr0 = in_out_ptr0;
    {
        #pragma GCC ivdep
        for(int64_t x0=static_cast<int64_t>(0L); x0<static_cast<int64_t>(2L); x0+=static_cast<int64_t>(1L))
        {
            #pragma GCC ivdep
            for(int64_t x1=static_cast<int64_t>(0L); x1<static_cast<int64_t>(8L); x1+=static_cast<int64_t>(1L))
            {
                {
                    float tmp_acc0 = 0;
                    at::vec::Vectorized<float> tmp_acc0_vec = at::vec::Vectorized<float>(0);
                    for(int64_t x2=static_cast<int64_t>(0L); x2<static_cast<int64_t>(64L); x2+=static_cast<int64_t>(1L))
                    {
                        for(int64_t x3=static_cast<int64_t>(0L); x3<static_cast<int64_t>(4L); x3+=static_cast<int64_t>(16L))
                        {
                            {
                                if(C10_LIKELY(x3 >= static_cast<int64_t>(0L) && x3 < static_cast<int64_t>(4L)))
                                {
                                    auto tmp0 = at::vec::Vectorized<float>::loadu(in_ptr0 + static_cast<int64_t>(x3 + 4L*x1 + 32L*x2 + 2048L*x0), static_cast<int64_t>(4L));
                                    auto tmp1 = at::vec::Vectorized<float>::loadu(in_ptr1 + static_cast<int64_t>(x3 + 4L*x1 + 32L*x2 + 2048L*x0), static_cast<int64_t>(4L));
                                    auto tmp2 = tmp0 + tmp1;
                                    auto tmp3 = static_cast<float>(1.0);
                                    auto tmp4 = at::vec::Vectorized<float>(tmp3);
                                    auto tmp5 = tmp2 / tmp4;
                                    tmp_acc0_vec = sum_masked_reduce(tmp_acc0_vec, tmp5, static_cast<int64_t>(4L));
                                }
                            }
                        }
                    }
                    tmp_acc0 = tmp_acc0 + at::vec::vec_reduce_all<float, 1>([](at::vec::Vectorized<float>& x, at::vec::Vectorized<float>& y) { return x + y; }, tmp_acc0_vec);
                    out_ptr0[static_cast<int64_t>(x1 + 8L*x0)] = static_cast<float>(tmp_acc0);
                }
            }
        }
    }
    {
        for(int64_t x0=static_cast<int64_t>(0L); x0<static_cast<int64_t>(16L); x0+=static_cast<int64_t>(16L))
        {
            {
                if(C10_LIKELY(x0 >= static_cast<int64_t>(0) && x0 < static_cast<int64_t>(16L)))
                {
                    auto tmp0 = at::vec::Vectorized<float>::loadu(out_ptr0 + static_cast<int64_t>(x0), static_cast<int64_t>(16));
                    auto tmp1 = static_cast<float>(256.0);
                    auto tmp2 = at::vec::Vectorized<float>(tmp1);
                    auto tmp3 = tmp0 / tmp2;
                    tmp3.store(in_out_ptr0 + static_cast<int64_t>(x0));
                }
            }
        }
    }
    {
        #pragma GCC ivdep
        for(int64_t x0=static_cast<int64_t>(0L); x0<static_cast<int64_t>(2L); x0+=static_cast<int64_t>(1L))
        {
            #pragma GCC ivdep
            for(int64_t x1=static_cast<int64_t>(0L); x1<static_cast<int64_t>(8L); x1+=static_cast<int64_t>(1L))
            {
                {
                    float tmp_acc0 = 0;
                    at::vec::Vectorized<float> tmp_acc0_vec = at::vec::Vectorized<float>(0);
                    for(int64_t x2=static_cast<int64_t>(0L); x2<static_cast<int64_t>(64L); x2+=static_cast<int64_t>(1L))
                    {
                        for(int64_t x3=static_cast<int64_t>(0L); x3<static_cast<int64_t>(4L); x3+=static_cast<int64_t>(16L))
                        {
                            {
                                if(C10_LIKELY(x3 >= static_cast<int64_t>(0L) && x3 < static_cast<int64_t>(4L)))
                                {
                                    auto tmp0 = at::vec::Vectorized<float>::loadu(in_ptr0 + static_cast<int64_t>(x3 + 4L*x1 + 32L*x2 + 2048L*x0), static_cast<int64_t>(4L));
                                    auto tmp1 = at::vec::Vectorized<float>::loadu(in_ptr1 + static_cast<int64_t>(x3 + 4L*x1 + 32L*x2 + 2048L*x0), static_cast<int64_t>(4L));
                                    auto tmp6 = in_out_ptr0[static_cast<int64_t>(x1 + 8L*x0)];
                                    auto tmp2 = tmp0 + tmp1;
                                    auto tmp3 = static_cast<float>(1.0);
                                    auto tmp4 = at::vec::Vectorized<float>(tmp3);
                                    auto tmp5 = tmp2 / tmp4;
                                    auto tmp7 = at::vec::Vectorized<float>(tmp6);
                                    auto tmp8 = tmp5 - tmp7;
                                    auto tmp9 = tmp8 * tmp8;
                                    tmp_acc0_vec = sum_masked_reduce(tmp_acc0_vec, tmp9, static_cast<int64_t>(4L));
                                }
                            }
                        }
                    }
                    tmp_acc0 = tmp_acc0 + at::vec::vec_reduce_all<float, 1>([](at::vec::Vectorized<float>& x, at::vec::Vectorized<float>& y) { return x + y; }, tmp_acc0_vec);
                    out_ptr1[static_cast<int64_t>(x1 + 8L*x0)] = static_cast<float>(tmp_acc0);
                }
                for(int64_t x2=static_cast<int64_t>(0L); x2<static_cast<int64_t>(4L); x2+=static_cast<int64_t>(16L))
                {
                    {
                        if(C10_LIKELY(x2 >= static_cast<int64_t>(0L) && x2 < static_cast<int64_t>(4L)))
                        {
                            auto tmp0 = out_ptr1[static_cast<int64_t>(x1 + 8L*x0)];
                            auto tmp6 = at::vec::Vectorized<float>::loadu(in_ptr2 + static_cast<int64_t>(x2 + 4L*x1), static_cast<int64_t>(4L));
                            auto tmp9 = in_out_ptr0[static_cast<int64_t>(x1 + 8L*x0)];
                            auto tmp13 = at::vec::Vectorized<float>::loadu(in_ptr3 + static_cast<int64_t>(x2 + 4L*x1), static_cast<int64_t>(4L));
                            auto tmp1 = static_cast<float>(256.0);
                            auto tmp2 = tmp0 / tmp1;
                            auto tmp3 = static_cast<float>(1e-06);
                            auto tmp4 = float(tmp2 + tmp3);
                            auto tmp5 = 1 / std::sqrt(tmp4);
                            auto tmp7 = at::vec::Vectorized<float>(tmp5);
                            auto tmp8 = tmp7 * tmp6;
                            auto tmp10 = decltype(tmp9)(-tmp9);
                            auto tmp11 = at::vec::Vectorized<float>(tmp10);
                            auto tmp12 = tmp11 * tmp8;
                            auto tmp14 = tmp12 + tmp13;
                            tmp8.store(out_ptr2 + static_cast<int64_t>(x2 + 4L*x1 + 32L*x0), static_cast<int64_t>(4L));
                            tmp14.store(out_ptr3 + static_cast<int64_t>(x2 + 4L*x1 + 32L*x0), static_cast<int64_t>(4L));
                        }
                    }
                }
            }
        }
    }
    {
        #pragma GCC ivdep
        for(int64_t x0=static_cast<int64_t>(0L); x0<static_cast<int64_t>(2L); x0+=static_cast<int64_t>(1L))
        {
            #pragma GCC ivdep
            for(int64_t x1=static_cast<int64_t>(0L); x1<static_cast<int64_t>(64L); x1+=static_cast<int64_t>(1L))
            {
                for(int64_t x2=static_cast<int64_t>(0L); x2<static_cast<int64_t>(32L); x2+=static_cast<int64_t>(16L))
                {
                    {
                        if(C10_LIKELY(x2 >= static_cast<int64_t>(0) && x2 < static_cast<int64_t>(32L)))
                        {
                            auto tmp0 = at::vec::Vectorized<float>::loadu(in_ptr0 + static_cast<int64_t>(x2 + 32L*x1 + 2048L*x0), static_cast<int64_t>(16));
                            auto tmp1 = at::vec::Vectorized<float>::loadu(in_ptr1 + static_cast<int64_t>(x2 + 32L*x1 + 2048L*x0), static_cast<int64_t>(16));
                            auto tmp6 = at::vec::Vectorized<float>::loadu(out_ptr2 + static_cast<int64_t>(x2 + 32L*x0), static_cast<int64_t>(16));
                            auto tmp8 = at::vec::Vectorized<float>::loadu(out_ptr3 + static_cast<int64_t>(x2 + 32L*x0), static_cast<int64_t>(16));
                            auto tmp2 = tmp0 + tmp1;
                            auto tmp3 = static_cast<float>(1.0);
                            auto tmp4 = at::vec::Vectorized<float>(tmp3);
                            auto tmp5 = tmp2 / tmp4;
                            auto tmp7 = tmp5 * tmp6;
                            auto tmp9 = tmp7 + tmp8;
                            tmp9.store(out_ptr4 + static_cast<int64_t>(x2 + 32L*x1 + 2048L*x0));
                        }
                    }
                }
            }
        }
    }
    inductor_cpu_integer_div_error_flag = nullptr;
    inductor_cpu_throw_if_integer_div_error(inductor_cpu_integer_div_error);
}
''')


cpp_fused_native_layer_norm_permute_view_7 = async_compile.cpp_pybinding(['float*', 'const float*', 'const float*', 'const float*', 'float*', 'float*'], r'''
#include <torch/csrc/inductor/cpp_prefix.h>
extern "C"  void  kernel(float* in_out_ptr0,
                       const float* in_ptr0,
                       const float* in_ptr1,
                       const float* in_ptr2,
                       float* out_ptr1,
                       float* out_ptr2)
{
    std::atomic<int> inductor_cpu_integer_div_error{0};
    inductor_cpu_integer_div_error_flag = &inductor_cpu_integer_div_error;
    auto out_ptr0 = in_out_ptr0;
    {
        #pragma GCC ivdep
        for(int64_t x0=static_cast<int64_t>(0L); x0<static_cast<int64_t>(128L); x0+=static_cast<int64_t>(1L))
        {
            {
                float tmp_acc0 = 0;
                at::vec::Vectorized<float> tmp_acc0_vec = at::vec::Vectorized<float>(0);
                for(int64_t x1=static_cast<int64_t>(0L); x1<static_cast<int64_t>(32L); x1+=static_cast<int64_t>(16L))
                {
                    {
                        if(C10_LIKELY(x1 >= static_cast<int64_t>(0) && x1 < static_cast<int64_t>(32L)))
                        {
                            auto tmp0 = at::vec::Vectorized<float>::loadu(in_ptr0 + static_cast<int64_t>(x1 + 32L*x0), static_cast<int64_t>(16));
                            tmp_acc0_vec = tmp_acc0_vec + tmp0;
                        }
                    }
                }
                tmp_acc0 = tmp_acc0 + at::vec::vec_reduce_all<float, 1>([](at::vec::Vectorized<float>& x, at::vec::Vectorized<float>& y) { return x + y; }, tmp_acc0_vec);
                in_out_ptr0[static_cast<int64_t>(x0)] = static_cast<float>(tmp_acc0);
            }
        }
    }
    {
        for(int64_t x0=static_cast<int64_t>(0L); x0<static_cast<int64_t>(128L); x0+=static_cast<int64_t>(16L))
        {
            {
                if(C10_LIKELY(x0 >= static_cast<int64_t>(0) && x0 < static_cast<int64_t>(128L)))
                {
                    auto tmp0 = at::vec::Vectorized<float>::loadu(out_ptr0 + static_cast<int64_t>(x0), static_cast<int64_t>(16));
                    auto tmp1 = static_cast<float>(32.0);
                    auto tmp2 = at::vec::Vectorized<float>(tmp1);
                    auto tmp3 = tmp0 / tmp2;
                    tmp3.store(in_out_ptr0 + static_cast<int64_t>(x0));
                }
            }
        }
    }
    {
        #pragma GCC ivdep
        for(int64_t x0=static_cast<int64_t>(0L); x0<static_cast<int64_t>(128L); x0+=static_cast<int64_t>(1L))
        {
            {
                float tmp_acc0 = 0;
                at::vec::Vectorized<float> tmp_acc0_vec = at::vec::Vectorized<float>(0);
                for(int64_t x1=static_cast<int64_t>(0L); x1<static_cast<int64_t>(32L); x1+=static_cast<int64_t>(16L))
                {
                    {
                        if(C10_LIKELY(x1 >= static_cast<int64_t>(0) && x1 < static_cast<int64_t>(32L)))
                        {
                            auto tmp0 = at::vec::Vectorized<float>::loadu(in_ptr0 + static_cast<int64_t>(x1 + 32L*x0), static_cast<int64_t>(16));
                            auto tmp1 = in_out_ptr0[static_cast<int64_t>(x0)];
                            auto tmp2 = at::vec::Vectorized<float>(tmp1);
                            auto tmp3 = tmp0 - tmp2;
                            auto tmp4 = tmp3 * tmp3;
                            tmp_acc0_vec = tmp_acc0_vec + tmp4;
                        }
                    }
                }
                tmp_acc0 = tmp_acc0 + at::vec::vec_reduce_all<float, 1>([](at::vec::Vectorized<float>& x, at::vec::Vectorized<float>& y) { return x + y; }, tmp_acc0_vec);
                out_ptr1[static_cast<int64_t>(x0)] = static_cast<float>(tmp_acc0);
            }
        }
    }
    {
        #pragma GCC ivdep
        for(int64_t x0=static_cast<int64_t>(0L); x0<static_cast<int64_t>(128L); x0+=static_cast<int64_t>(1L))
        {
            for(int64_t x1=static_cast<int64_t>(0L); x1<static_cast<int64_t>(32L); x1+=static_cast<int64_t>(16L))
            {
                {
                    if(C10_LIKELY(x1 >= static_cast<int64_t>(0) && x1 < static_cast<int64_t>(32L)))
                    {
                        auto tmp0 = at::vec::Vectorized<float>::loadu(in_ptr0 + static_cast<int64_t>(x1 + 32L*x0), static_cast<int64_t>(16));
                        auto tmp1 = in_out_ptr0[static_cast<int64_t>(x0)];
                        auto tmp4 = out_ptr1[static_cast<int64_t>(x0)];
                        auto tmp12 = at::vec::Vectorized<float>::loadu(in_ptr1 + static_cast<int64_t>(x1), static_cast<int64_t>(16));
                        auto tmp14 = at::vec::Vectorized<float>::loadu(in_ptr2 + static_cast<int64_t>(x1), static_cast<int64_t>(16));
                        auto tmp2 = at::vec::Vectorized<float>(tmp1);
                        auto tmp3 = tmp0 - tmp2;
                        auto tmp5 = static_cast<float>(32.0);
                        auto tmp6 = tmp4 / tmp5;
                        auto tmp7 = static_cast<float>(1e-05);
                        auto tmp8 = float(tmp6 + tmp7);
                        auto tmp9 = 1 / std::sqrt(tmp8);
                        auto tmp10 = at::vec::Vectorized<float>(tmp9);
                        auto tmp11 = tmp3 * tmp10;
                        auto tmp13 = tmp11 * tmp12;
                        auto tmp15 = tmp13 + tmp14;
                        tmp15.store(out_ptr2 + static_cast<int64_t>(x1 + 32L*x0));
                    }
                }
            }
        }
    }
    inductor_cpu_integer_div_error_flag = nullptr;
    inductor_cpu_throw_if_integer_div_error(inductor_cpu_integer_div_error);
}
''')


cpp_fused__scaled_dot_product_flash_attention_for_cpu__unsafe_view_add_mul_transpose_view_8 = async_compile.cpp_pybinding(['float*', 'const float*', 'const float*', 'const float*', 'const float*'], r'''
#include <torch/csrc/inductor/cpp_prefix.h>
extern "C"  void  kernel(float* in_out_ptr0,
                       const float* in_ptr0,
                       const float* in_ptr1,
                       const float* in_ptr2,
                       const float* in_ptr3)
{
    std::atomic<int> inductor_cpu_integer_div_error{0};
    inductor_cpu_integer_div_error_flag = &inductor_cpu_integer_div_error;
    {
        for(int64_t x0=static_cast<int64_t>(0L); x0<static_cast<int64_t>(4096L); x0+=static_cast<int64_t>(16L))
        {
            {
                if(C10_LIKELY(x0 >= static_cast<int64_t>(0) && x0 < static_cast<int64_t>(4096L)))
                {
                    auto tmp0 = at::vec::Vectorized<float>::loadu(in_out_ptr0 + static_cast<int64_t>(x0), static_cast<int64_t>(16));
                    auto tmp1 = at::vec::Vectorized<float>::loadu(in_ptr0 + static_cast<int64_t>(x0), static_cast<int64_t>(16));
                    auto tmp2 = in_ptr1[static_cast<int64_t>(0L)];
                    auto tmp6 = at::vec::Vectorized<float>::loadu(in_ptr2 + static_cast<int64_t>(x0), static_cast<int64_t>(16));
                    auto tmp7 = in_ptr3[static_cast<int64_t>(0L)];
                    auto tmp3 = at::vec::Vectorized<float>(tmp2);
                    auto tmp4 = tmp1 * tmp3;
                    auto tmp5 = tmp0 + tmp4;
                    auto tmp8 = at::vec::Vectorized<float>(tmp7);
                    auto tmp9 = tmp6 * tmp8;
                    auto tmp10 = tmp5 + tmp9;
                    tmp10.store(in_out_ptr0 + static_cast<int64_t>(x0));
                }
            }
        }
    }
    inductor_cpu_integer_div_error_flag = nullptr;
    inductor_cpu_throw_if_integer_div_error(inductor_cpu_integer_div_error);
}
''')


cpp_fused__unsafe_view_add_div_mul_native_layer_norm_permute_view_9 = async_compile.cpp_pybinding(['float*', 'float*', 'const float*', 'const float*', 'const float*', 'const float*', 'const float*', 'const float*', 'const float*', 'float*', 'float*'], r'''
#include <torch/csrc/inductor/cpp_prefix.h>
extern "C"  void  kernel(float* in_out_ptr0,
                       float* in_out_ptr1,
                       const float* in_ptr0,
                       const float* in_ptr1,
                       const float* in_ptr2,
                       const float* in_ptr3,
                       const float* in_ptr4,
                       const float* in_ptr5,
                       const float* in_ptr6,
                       float* out_ptr1,
                       float* out_ptr2)
{
    std::atomic<int> inductor_cpu_integer_div_error{0};
    inductor_cpu_integer_div_error_flag = &inductor_cpu_integer_div_error;
    auto out_ptr0 = in_out_ptr1;
    {
        for(int64_t x0=static_cast<int64_t>(0L); x0<static_cast<int64_t>(4096L); x0+=static_cast<int64_t>(16L))
        {
            {
                if(C10_LIKELY(x0 >= static_cast<int64_t>(0) && x0 < static_cast<int64_t>(4096L)))
                {
                    auto tmp0 = at::vec::Vectorized<float>::loadu(in_out_ptr0 + static_cast<int64_t>(x0), static_cast<int64_t>(16));
                    auto tmp1 = at::vec::Vectorized<float>::loadu(in_ptr0 + static_cast<int64_t>(x0), static_cast<int64_t>(16));
                    auto tmp2 = in_ptr1[static_cast<int64_t>(0L)];
                    auto tmp6 = at::vec::Vectorized<float>::loadu(in_ptr2 + static_cast<int64_t>(x0), static_cast<int64_t>(16));
                    auto tmp7 = in_ptr3[static_cast<int64_t>(0L)];
                    auto tmp14 = at::vec::Vectorized<float>::loadu(in_ptr4 + static_cast<int64_t>(x0), static_cast<int64_t>(16));
                    auto tmp3 = at::vec::Vectorized<float>(tmp2);
                    auto tmp4 = tmp1 * tmp3;
                    auto tmp5 = tmp0 + tmp4;
                    auto tmp8 = at::vec::Vectorized<float>(tmp7);
                    auto tmp9 = tmp6 * tmp8;
                    auto tmp10 = tmp5 + tmp9;
                    auto tmp11 = static_cast<float>(1.0);
                    auto tmp12 = at::vec::Vectorized<float>(tmp11);
                    auto tmp13 = tmp10 / tmp12;
                    auto tmp15 = tmp13 + tmp14;
                    tmp15.store(in_out_ptr0 + static_cast<int64_t>(x0));
                }
            }
        }
    }
    {
        #pragma GCC ivdep
        for(int64_t x0=static_cast<int64_t>(0L); x0<static_cast<int64_t>(128L); x0+=static_cast<int64_t>(1L))
        {
            {
                float tmp_acc0 = 0;
                at::vec::Vectorized<float> tmp_acc0_vec = at::vec::Vectorized<float>(0);
                for(int64_t x1=static_cast<int64_t>(0L); x1<static_cast<int64_t>(32L); x1+=static_cast<int64_t>(16L))
                {
                    {
                        if(C10_LIKELY(x1 >= static_cast<int64_t>(0) && x1 < static_cast<int64_t>(32L)))
                        {
                            auto tmp0 = at::vec::Vectorized<float>::loadu(in_out_ptr0 + static_cast<int64_t>(x1 + 32L*x0), static_cast<int64_t>(16));
                            tmp_acc0_vec = tmp_acc0_vec + tmp0;
                        }
                    }
                }
                tmp_acc0 = tmp_acc0 + at::vec::vec_reduce_all<float, 1>([](at::vec::Vectorized<float>& x, at::vec::Vectorized<float>& y) { return x + y; }, tmp_acc0_vec);
                in_out_ptr1[static_cast<int64_t>(x0)] = static_cast<float>(tmp_acc0);
            }
        }
    }
    {
        for(int64_t x0=static_cast<int64_t>(0L); x0<static_cast<int64_t>(128L); x0+=static_cast<int64_t>(16L))
        {
            {
                if(C10_LIKELY(x0 >= static_cast<int64_t>(0) && x0 < static_cast<int64_t>(128L)))
                {
                    auto tmp0 = at::vec::Vectorized<float>::loadu(out_ptr0 + static_cast<int64_t>(x0), static_cast<int64_t>(16));
                    auto tmp1 = static_cast<float>(32.0);
                    auto tmp2 = at::vec::Vectorized<float>(tmp1);
                    auto tmp3 = tmp0 / tmp2;
                    tmp3.store(in_out_ptr1 + static_cast<int64_t>(x0));
                }
            }
        }
    }
    {
        #pragma GCC ivdep
        for(int64_t x0=static_cast<int64_t>(0L); x0<static_cast<int64_t>(128L); x0+=static_cast<int64_t>(1L))
        {
            {
                float tmp_acc0 = 0;
                at::vec::Vectorized<float> tmp_acc0_vec = at::vec::Vectorized<float>(0);
                for(int64_t x1=static_cast<int64_t>(0L); x1<static_cast<int64_t>(32L); x1+=static_cast<int64_t>(16L))
                {
                    {
                        if(C10_LIKELY(x1 >= static_cast<int64_t>(0) && x1 < static_cast<int64_t>(32L)))
                        {
                            auto tmp0 = at::vec::Vectorized<float>::loadu(in_out_ptr0 + static_cast<int64_t>(x1 + 32L*x0), static_cast<int64_t>(16));
                            auto tmp1 = in_out_ptr1[static_cast<int64_t>(x0)];
                            auto tmp2 = at::vec::Vectorized<float>(tmp1);
                            auto tmp3 = tmp0 - tmp2;
                            auto tmp4 = tmp3 * tmp3;
                            tmp_acc0_vec = tmp_acc0_vec + tmp4;
                        }
                    }
                }
                tmp_acc0 = tmp_acc0 + at::vec::vec_reduce_all<float, 1>([](at::vec::Vectorized<float>& x, at::vec::Vectorized<float>& y) { return x + y; }, tmp_acc0_vec);
                out_ptr1[static_cast<int64_t>(x0)] = static_cast<float>(tmp_acc0);
            }
        }
    }
    {
        #pragma GCC ivdep
        for(int64_t x0=static_cast<int64_t>(0L); x0<static_cast<int64_t>(128L); x0+=static_cast<int64_t>(1L))
        {
            for(int64_t x1=static_cast<int64_t>(0L); x1<static_cast<int64_t>(32L); x1+=static_cast<int64_t>(16L))
            {
                {
                    if(C10_LIKELY(x1 >= static_cast<int64_t>(0) && x1 < static_cast<int64_t>(32L)))
                    {
                        auto tmp0 = at::vec::Vectorized<float>::loadu(in_out_ptr0 + static_cast<int64_t>(x1 + 32L*x0), static_cast<int64_t>(16));
                        auto tmp1 = in_out_ptr1[static_cast<int64_t>(x0)];
                        auto tmp4 = out_ptr1[static_cast<int64_t>(x0)];
                        auto tmp12 = at::vec::Vectorized<float>::loadu(in_ptr5 + static_cast<int64_t>(x1), static_cast<int64_t>(16));
                        auto tmp14 = at::vec::Vectorized<float>::loadu(in_ptr6 + static_cast<int64_t>(x1), static_cast<int64_t>(16));
                        auto tmp2 = at::vec::Vectorized<float>(tmp1);
                        auto tmp3 = tmp0 - tmp2;
                        auto tmp5 = static_cast<float>(32.0);
                        auto tmp6 = tmp4 / tmp5;
                        auto tmp7 = static_cast<float>(1e-05);
                        auto tmp8 = float(tmp6 + tmp7);
                        auto tmp9 = 1 / std::sqrt(tmp8);
                        auto tmp10 = at::vec::Vectorized<float>(tmp9);
                        auto tmp11 = tmp3 * tmp10;
                        auto tmp13 = tmp11 * tmp12;
                        auto tmp15 = tmp13 + tmp14;
                        tmp15.store(out_ptr2 + static_cast<int64_t>(x1 + 32L*x0));
                    }
                }
            }
        }
    }
    inductor_cpu_integer_div_error_flag = nullptr;
    inductor_cpu_throw_if_integer_div_error(inductor_cpu_integer_div_error);
}
''')


cpp_fused__scaled_dot_product_flash_attention_for_cpu__unsafe_view_add_mul_transpose_view_10 = async_compile.cpp_pybinding(['float*', 'const float*', 'const float*', 'const float*', 'const float*'], r'''
#include <torch/csrc/inductor/cpp_prefix.h>
extern "C"  void  kernel(float* in_out_ptr0,
                       const float* in_ptr0,
                       const float* in_ptr1,
                       const float* in_ptr2,
                       const float* in_ptr3)
{
    std::atomic<int> inductor_cpu_integer_div_error{0};
    inductor_cpu_integer_div_error_flag = &inductor_cpu_integer_div_error;
    {
        for(int64_t x0=static_cast<int64_t>(0L); x0<static_cast<int64_t>(4928L); x0+=static_cast<int64_t>(16L))
        {
            {
                if(C10_LIKELY(x0 >= static_cast<int64_t>(0) && x0 < static_cast<int64_t>(4928L)))
                {
                    auto tmp0 = at::vec::Vectorized<float>::loadu(in_out_ptr0 + static_cast<int64_t>(x0), static_cast<int64_t>(16));
                    auto tmp1 = at::vec::Vectorized<float>::loadu(in_ptr0 + static_cast<int64_t>(x0), static_cast<int64_t>(16));
                    auto tmp2 = in_ptr1[static_cast<int64_t>(0L)];
                    auto tmp6 = at::vec::Vectorized<float>::loadu(in_ptr2 + static_cast<int64_t>(x0), static_cast<int64_t>(16));
                    auto tmp7 = in_ptr3[static_cast<int64_t>(0L)];
                    auto tmp3 = at::vec::Vectorized<float>(tmp2);
                    auto tmp4 = tmp1 * tmp3;
                    auto tmp5 = tmp0 + tmp4;
                    auto tmp8 = at::vec::Vectorized<float>(tmp7);
                    auto tmp9 = tmp6 * tmp8;
                    auto tmp10 = tmp5 + tmp9;
                    tmp10.store(in_out_ptr0 + static_cast<int64_t>(x0));
                }
            }
        }
    }
    inductor_cpu_integer_div_error_flag = nullptr;
    inductor_cpu_throw_if_integer_div_error(inductor_cpu_integer_div_error);
}
''')


cpp_fused_gelu_mul_split_view_11 = async_compile.cpp_pybinding(['const float*', 'float*'], r'''
#include <torch/csrc/inductor/cpp_prefix.h>
extern "C"  void  kernel(const float* in_ptr0,
                       float* out_ptr0)
{
    std::atomic<int> inductor_cpu_integer_div_error{0};
    inductor_cpu_integer_div_error_flag = &inductor_cpu_integer_div_error;
    {
        #pragma GCC ivdep
        for(int64_t x0=static_cast<int64_t>(0L); x0<static_cast<int64_t>(128L); x0+=static_cast<int64_t>(1L))
        {
            for(int64_t x1=static_cast<int64_t>(0L); x1<static_cast<int64_t>(128L); x1+=static_cast<int64_t>(16L))
            {
                {
                    if(C10_LIKELY(x1 >= static_cast<int64_t>(0) && x1 < static_cast<int64_t>(128L)))
                    {
                        auto tmp0 = at::vec::Vectorized<float>::loadu(in_ptr0 + static_cast<int64_t>(x1 + 256L*x0), static_cast<int64_t>(16));
                        auto tmp1 = at::vec::Vectorized<float>::loadu(in_ptr0 + static_cast<int64_t>(128L + x1 + 256L*x0), static_cast<int64_t>(16));
                        auto tmp2 = static_cast<float>(0.5);
                        auto tmp3 = at::vec::Vectorized<float>(tmp2);
                        auto tmp4 = tmp1 * tmp3;
                        auto tmp5 = static_cast<float>(0.7071067811865476);
                        auto tmp6 = at::vec::Vectorized<float>(tmp5);
                        auto tmp7 = tmp1 * tmp6;
                        auto tmp8 = tmp7.erf();
                        auto tmp9 = static_cast<float>(1.0);
                        auto tmp10 = at::vec::Vectorized<float>(tmp9);
                        auto tmp11 = tmp8 + tmp10;
                        auto tmp12 = tmp4 * tmp11;
                        auto tmp13 = tmp0 * tmp12;
                        tmp13.store(out_ptr0 + static_cast<int64_t>(x1 + 128L*x0));
                    }
                }
            }
        }
    }
    inductor_cpu_integer_div_error_flag = nullptr;
    inductor_cpu_throw_if_integer_div_error(inductor_cpu_integer_div_error);
}
''')


cpp_fused_add_clone_permute_view_12 = async_compile.cpp_pybinding(['float*', 'const float*'], r'''
#include <torch/csrc/inductor/cpp_prefix.h>
extern "C"  void  kernel(float* in_out_ptr0,
                       const float* in_ptr0)
{
    std::atomic<int> inductor_cpu_integer_div_error{0};
    inductor_cpu_integer_div_error_flag = &inductor_cpu_integer_div_error;
    {
        for(int64_t x0=static_cast<int64_t>(0L); x0<static_cast<int64_t>(4096L); x0+=static_cast<int64_t>(16L))
        {
            {
                if(C10_LIKELY(x0 >= static_cast<int64_t>(0) && x0 < static_cast<int64_t>(4096L)))
                {
                    auto tmp0 = at::vec::Vectorized<float>::loadu(in_out_ptr0 + static_cast<int64_t>(x0), static_cast<int64_t>(16));
                    auto tmp1 = at::vec::Vectorized<float>::loadu(in_ptr0 + static_cast<int64_t>(x0), static_cast<int64_t>(16));
                    auto tmp2 = tmp0 + tmp1;
                    tmp2.store(in_out_ptr0 + static_cast<int64_t>(x0));
                }
            }
        }
    }
    inductor_cpu_integer_div_error_flag = nullptr;
    inductor_cpu_throw_if_integer_div_error(inductor_cpu_integer_div_error);
}
''')


cpp_fused_add_cat_div_13 = async_compile.cpp_pybinding(['float*', 'const float*', 'const float*', 'float*'], r'''
#include <torch/csrc/inductor/cpp_prefix.h>
extern "C"  void  kernel(float* in_out_ptr0,
                       const float* in_ptr0,
                       const float* in_ptr1,
                       float* out_ptr0)
{
    std::atomic<int> inductor_cpu_integer_div_error{0};
    inductor_cpu_integer_div_error_flag = &inductor_cpu_integer_div_error;
    {
        #pragma GCC ivdep
        for(int64_t x0=static_cast<int64_t>(0L); x0<static_cast<int64_t>(128L); x0+=static_cast<int64_t>(1L))
        {
            for(int64_t x1=static_cast<int64_t>(0L); x1<static_cast<int64_t>(32L); x1+=static_cast<int64_t>(16L))
            {
                {
                    if(C10_LIKELY(x1 >= static_cast<int64_t>(0) && x1 < static_cast<int64_t>(32L)))
                    {
                        auto tmp0 = at::vec::Vectorized<float>::loadu(in_out_ptr0 + static_cast<int64_t>(x1 + 32L*x0), static_cast<int64_t>(16));
                        auto tmp1 = at::vec::Vectorized<float>::loadu(in_ptr0 + static_cast<int64_t>(x1 + 32L*x0), static_cast<int64_t>(16));
                        auto tmp2 = at::vec::Vectorized<float>::loadu(in_ptr1 + static_cast<int64_t>(x1 + 32L*x0), static_cast<int64_t>(16));
                        auto tmp3 = tmp1 + tmp2;
                        auto tmp4 = static_cast<float>(1.0);
                        auto tmp5 = at::vec::Vectorized<float>(tmp4);
                        auto tmp6 = tmp3 / tmp5;
                        auto tmp7 = tmp0 + tmp6;
                        tmp7.store(in_out_ptr0 + static_cast<int64_t>(x1 + 32L*x0));
                        tmp7.store(out_ptr0 + static_cast<int64_t>(x1 + 96L*x0));
                    }
                }
            }
        }
    }
    inductor_cpu_integer_div_error_flag = nullptr;
    inductor_cpu_throw_if_integer_div_error(inductor_cpu_integer_div_error);
}
''')


cpp_fused_native_group_norm_silu_14 = async_compile.cpp_pybinding(['float*', 'const float*', 'const float*', 'const float*', 'float*', 'float*', 'float*', 'float*'], r'''
#include <torch/csrc/inductor/cpp_prefix.h>
extern "C"  void  kernel(float* in_out_ptr0,
                       const float* in_ptr0,
                       const float* in_ptr1,
                       const float* in_ptr2,
                       float* out_ptr1,
                       float* out_ptr2,
                       float* out_ptr3,
                       float* out_ptr4)
{
    std::atomic<int> inductor_cpu_integer_div_error{0};
    inductor_cpu_integer_div_error_flag = &inductor_cpu_integer_div_error;
    auto out_ptr0 = in_out_ptr0;
    {
        #pragma GCC ivdep
        for(int64_t x0=static_cast<int64_t>(0L); x0<static_cast<int64_t>(2L); x0+=static_cast<int64_t>(1L))
        {
            #pragma GCC ivdep
            for(int64_t x1=static_cast<int64_t>(0L); x1<static_cast<int64_t>(8L); x1+=static_cast<int64_t>(1L))
            {
                {
                    float tmp_acc0 = 0;
                    at::vec::Vectorized<float> tmp_acc0_vec = at::vec::Vectorized<float>(0);
                    for(int64_t x2=static_cast<int64_t>(0L); x2<static_cast<int64_t>(16L); x2+=static_cast<int64_t>(1L))
                    {
                        for(int64_t x3=static_cast<int64_t>(0L); x3<static_cast<int64_t>(4L); x3+=static_cast<int64_t>(16L))
                        {
                            {
                                if(C10_LIKELY(x3 >= static_cast<int64_t>(0L) && x3 < static_cast<int64_t>(4L)))
                                {
                                    auto tmp0 = at::vec::Vectorized<float>::loadu(in_ptr0 + static_cast<int64_t>(x3 + 4L*x1 + 32L*x2 + 512L*x0), static_cast<int64_t>(4L));
                                    tmp_acc0_vec = sum_masked_reduce(tmp_acc0_vec, tmp0, static_cast<int64_t>(4L));
                                }
                            }
                        }
                    }
                    tmp_acc0 = tmp_acc0 + at::vec::vec_reduce_all<float, 1>([](at::vec::Vectorized<float>& x, at::vec::Vectorized<float>& y) { return x + y; }, tmp_acc0_vec);
                    out_ptr0[static_cast<int64_t>(x1 + 8L*x0)] = static_cast<float>(tmp_acc0);
                }
            }
        }
    }
    {
        for(int64_t x0=static_cast<int64_t>(0L); x0<static_cast<int64_t>(16L); x0+=static_cast<int64_t>(16L))
        {
            {
                if(C10_LIKELY(x0 >= static_cast<int64_t>(0) && x0 < static_cast<int64_t>(16L)))
                {
                    auto tmp0 = at::vec::Vectorized<float>::loadu(out_ptr0 + static_cast<int64_t>(x0), static_cast<int64_t>(16));
                    auto tmp1 = static_cast<float>(64.0);
                    auto tmp2 = at::vec::Vectorized<float>(tmp1);
                    auto tmp3 = tmp0 / tmp2;
                    tmp3.store(in_out_ptr0 + static_cast<int64_t>(x0));
                }
            }
        }
    }
    {
        #pragma GCC ivdep
        for(int64_t x0=static_cast<int64_t>(0L); x0<static_cast<int64_t>(2L); x0+=static_cast<int64_t>(1L))
        {
            #pragma GCC ivdep
            for(int64_t x1=static_cast<int64_t>(0L); x1<static_cast<int64_t>(8L); x1+=static_cast<int64_t>(1L))
            {
                {
                    float tmp_acc0 = 0;
                    at::vec::Vectorized<float> tmp_acc0_vec = at::vec::Vectorized<float>(0);
                    for(int64_t x2=static_cast<int64_t>(0L); x2<static_cast<int64_t>(16L); x2+=static_cast<int64_t>(1L))
                    {
                        for(int64_t x3=static_cast<int64_t>(0L); x3<static_cast<int64_t>(4L); x3+=static_cast<int64_t>(16L))
                        {
                            {
                                if(C10_LIKELY(x3 >= static_cast<int64_t>(0L) && x3 < static_cast<int64_t>(4L)))
                                {
                                    auto tmp0 = at::vec::Vectorized<float>::loadu(in_ptr0 + static_cast<int64_t>(x3 + 4L*x1 + 32L*x2 + 512L*x0), static_cast<int64_t>(4L));
                                    auto tmp1 = in_out_ptr0[static_cast<int64_t>(x1 + 8L*x0)];
                                    auto tmp2 = at::vec::Vectorized<float>(tmp1);
                                    auto tmp3 = tmp0 - tmp2;
                                    auto tmp4 = tmp3 * tmp3;
                                    tmp_acc0_vec = sum_masked_reduce(tmp_acc0_vec, tmp4, static_cast<int64_t>(4L));
                                }
                            }
                        }
                    }
                    tmp_acc0 = tmp_acc0 + at::vec::vec_reduce_all<float, 1>([](at::vec::Vectorized<float>& x, at::vec::Vectorized<float>& y) { return x + y; }, tmp_acc0_vec);
                    out_ptr1[static_cast<int64_t>(x1 + 8L*x0)] = static_cast<float>(tmp_acc0);
                }
                for(int64_t x2=static_cast<int64_t>(0L); x2<static_cast<int64_t>(4L); x2+=static_cast<int64_t>(16L))
                {
                    {
                        if(C10_LIKELY(x2 >= static_cast<int64_t>(0L) && x2 < static_cast<int64_t>(4L)))
                        {
                            auto tmp0 = out_ptr1[static_cast<int64_t>(x1 + 8L*x0)];
                            auto tmp6 = at::vec::Vectorized<float>::loadu(in_ptr1 + static_cast<int64_t>(x2 + 4L*x1), static_cast<int64_t>(4L));
                            auto tmp9 = in_out_ptr0[static_cast<int64_t>(x1 + 8L*x0)];
                            auto tmp13 = at::vec::Vectorized<float>::loadu(in_ptr2 + static_cast<int64_t>(x2 + 4L*x1), static_cast<int64_t>(4L));
                            auto tmp1 = static_cast<float>(64.0);
                            auto tmp2 = tmp0 / tmp1;
                            auto tmp3 = static_cast<float>(1e-05);
                            auto tmp4 = float(tmp2 + tmp3);
                            auto tmp5 = 1 / std::sqrt(tmp4);
                            auto tmp7 = at::vec::Vectorized<float>(tmp5);
                            auto tmp8 = tmp7 * tmp6;
                            auto tmp10 = decltype(tmp9)(-tmp9);
                            auto tmp11 = at::vec::Vectorized<float>(tmp10);
                            auto tmp12 = tmp11 * tmp8;
                            auto tmp14 = tmp12 + tmp13;
                            tmp8.store(out_ptr2 + static_cast<int64_t>(x2 + 4L*x1 + 32L*x0), static_cast<int64_t>(4L));
                            tmp14.store(out_ptr3 + static_cast<int64_t>(x2 + 4L*x1 + 32L*x0), static_cast<int64_t>(4L));
                        }
                    }
                }
            }
        }
    }
    {
        #pragma GCC ivdep
        for(int64_t x0=static_cast<int64_t>(0L); x0<static_cast<int64_t>(2L); x0+=static_cast<int64_t>(1L))
        {
            #pragma GCC ivdep
            for(int64_t x1=static_cast<int64_t>(0L); x1<static_cast<int64_t>(16L); x1+=static_cast<int64_t>(1L))
            {
                for(int64_t x2=static_cast<int64_t>(0L); x2<static_cast<int64_t>(32L); x2+=static_cast<int64_t>(16L))
                {
                    {
                        if(C10_LIKELY(x2 >= static_cast<int64_t>(0) && x2 < static_cast<int64_t>(32L)))
                        {
                            auto tmp0 = at::vec::Vectorized<float>::loadu(in_ptr0 + static_cast<int64_t>(x2 + 32L*x1 + 512L*x0), static_cast<int64_t>(16));
                            auto tmp1 = at::vec::Vectorized<float>::loadu(out_ptr2 + static_cast<int64_t>(x2 + 32L*x0), static_cast<int64_t>(16));
                            auto tmp3 = at::vec::Vectorized<float>::loadu(out_ptr3 + static_cast<int64_t>(x2 + 32L*x0), static_cast<int64_t>(16));
                            auto tmp2 = tmp0 * tmp1;
                            auto tmp4 = tmp2 + tmp3;
                            auto tmp5 = tmp4.neg();
                            auto tmp6 = tmp5.exp();
                            auto tmp7 = static_cast<float>(1.0);
                            auto tmp8 = at::vec::Vectorized<float>(tmp7);
                            auto tmp9 = tmp6 + tmp8;
                            auto tmp10 = tmp4 / tmp9;
                            tmp10.store(out_ptr4 + static_cast<int64_t>(x2 + 32L*x1 + 512L*x0));
                        }
                    }
                }
            }
        }
    }
    inductor_cpu_integer_div_error_flag = nullptr;
    inductor_cpu_throw_if_integer_div_error(inductor_cpu_integer_div_error);
}
''')


cpp_fused_add_native_group_norm_silu_unsqueeze_15 = async_compile.cpp_pybinding(['float*', 'float*', 'const float*', 'const float*', 'const float*', 'float*', 'float*', 'float*'], r'''
#include <torch/csrc/inductor/cpp_prefix.h>
extern "C"  void  kernel(float* in_out_ptr0,
                       float* in_out_ptr1,
                       const float* in_ptr1,
                       const float* in_ptr2,
                       const float* in_ptr3,
                       float* out_ptr1,
                       float* out_ptr2,
                       float* out_ptr3)
{
    std::atomic<int> inductor_cpu_integer_div_error{0};
    inductor_cpu_integer_div_error_flag = &inductor_cpu_integer_div_error;
    auto out_ptr0 = in_out_ptr0;
    auto in_ptr0 = in_out_ptr1;
    {
        #pragma GCC ivdep
        for(int64_t x0=static_cast<int64_t>(0L); x0<static_cast<int64_t>(2L); x0+=static_cast<int64_t>(1L))
        {
            #pragma GCC ivdep
            for(int64_t x1=static_cast<int64_t>(0L); x1<static_cast<int64_t>(8L); x1+=static_cast<int64_t>(1L))
            {
                {
                    float tmp_acc0 = 0;
                    at::vec::Vectorized<float> tmp_acc0_vec = at::vec::Vectorized<float>(0);
                    for(int64_t x2=static_cast<int64_t>(0L); x2<static_cast<int64_t>(16L); x2+=static_cast<int64_t>(1L))
                    {
                        for(int64_t x3=static_cast<int64_t>(0L); x3<static_cast<int64_t>(8L); x3+=static_cast<int64_t>(16L))
                        {
                            {
                                if(C10_LIKELY(x3 >= static_cast<int64_t>(0L) && x3 < static_cast<int64_t>(8L)))
                                {
                                    auto tmp0 = at::vec::Vectorized<float>::loadu(in_ptr0 + static_cast<int64_t>(x3 + 8L*x1 + 64L*x2 + 1024L*x0), static_cast<int64_t>(8L));
                                    auto tmp1 = at::vec::Vectorized<float>::loadu(in_ptr1 + static_cast<int64_t>(x3 + 8L*x1 + 64L*x0), static_cast<int64_t>(8L));
                                    auto tmp2 = tmp0 + tmp1;
                                    tmp_acc0_vec = sum_masked_reduce(tmp_acc0_vec, tmp2, static_cast<int64_t>(8L));
                                }
                            }
                        }
                    }
                    tmp_acc0 = tmp_acc0 + at::vec::vec_reduce_all<float, 1>([](at::vec::Vectorized<float>& x, at::vec::Vectorized<float>& y) { return x + y; }, tmp_acc0_vec);
                    out_ptr0[static_cast<int64_t>(x1 + 8L*x0)] = static_cast<float>(tmp_acc0);
                }
            }
        }
    }
    {
        for(int64_t x0=static_cast<int64_t>(0L); x0<static_cast<int64_t>(16L); x0+=static_cast<int64_t>(16L))
        {
            {
                if(C10_LIKELY(x0 >= static_cast<int64_t>(0) && x0 < static_cast<int64_t>(16L)))
                {
                    auto tmp0 = at::vec::Vectorized<float>::loadu(out_ptr0 + static_cast<int64_t>(x0), static_cast<int64_t>(16));
                    auto tmp1 = static_cast<float>(128.0);
                    auto tmp2 = at::vec::Vectorized<float>(tmp1);
                    auto tmp3 = tmp0 / tmp2;
                    tmp3.store(in_out_ptr0 + static_cast<int64_t>(x0));
                }
            }
        }
    }
    {
        #pragma GCC ivdep
        for(int64_t x0=static_cast<int64_t>(0L); x0<static_cast<int64_t>(2L); x0+=static_cast<int64_t>(1L))
        {
            #pragma GCC ivdep
            for(int64_t x1=static_cast<int64_t>(0L); x1<static_cast<int64_t>(8L); x1+=static_cast<int64_t>(1L))
            {
                {
                    float tmp_acc0 = 0;
                    at::vec::Vectorized<float> tmp_acc0_vec = at::vec::Vectorized<float>(0);
                    for(int64_t x2=static_cast<int64_t>(0L); x2<static_cast<int64_t>(16L); x2+=static_cast<int64_t>(1L))
                    {
                        for(int64_t x3=static_cast<int64_t>(0L); x3<static_cast<int64_t>(8L); x3+=static_cast<int64_t>(16L))
                        {
                            {
                                if(C10_LIKELY(x3 >= static_cast<int64_t>(0L) && x3 < static_cast<int64_t>(8L)))
                                {
                                    auto tmp0 = at::vec::Vectorized<float>::loadu(in_ptr0 + static_cast<int64_t>(x3 + 8L*x1 + 64L*x2 + 1024L*x0), static_cast<int64_t>(8L));
                                    auto tmp1 = at::vec::Vectorized<float>::loadu(in_ptr1 + static_cast<int64_t>(x3 + 8L*x1 + 64L*x0), static_cast<int64_t>(8L));
                                    auto tmp3 = in_out_ptr0[static_cast<int64_t>(x1 + 8L*x0)];
                                    auto tmp2 = tmp0 + tmp1;
                                    auto tmp4 = at::vec::Vectorized<float>(tmp3);
                                    auto tmp5 = tmp2 - tmp4;
                                    auto tmp6 = tmp5 * tmp5;
                                    tmp_acc0_vec = sum_masked_reduce(tmp_acc0_vec, tmp6, static_cast<int64_t>(8L));
                                }
                            }
                        }
                    }
                    tmp_acc0 = tmp_acc0 + at::vec::vec_reduce_all<float, 1>([](at::vec::Vectorized<float>& x, at::vec::Vectorized<float>& y) { return x + y; }, tmp_acc0_vec);
                    out_ptr1[static_cast<int64_t>(x1 + 8L*x0)] = static_cast<float>(tmp_acc0);
                }
                for(int64_t x2=static_cast<int64_t>(0L); x2<static_cast<int64_t>(8L); x2+=static_cast<int64_t>(16L))
                {
                    {
                        if(C10_LIKELY(x2 >= static_cast<int64_t>(0L) && x2 < static_cast<int64_t>(8L)))
                        {
                            auto tmp0 = out_ptr1[static_cast<int64_t>(x1 + 8L*x0)];
                            auto tmp6 = at::vec::Vectorized<float>::loadu(in_ptr2 + static_cast<int64_t>(x2 + 8L*x1), static_cast<int64_t>(8L));
                            auto tmp9 = in_out_ptr0[static_cast<int64_t>(x1 + 8L*x0)];
                            auto tmp13 = at::vec::Vectorized<float>::loadu(in_ptr3 + static_cast<int64_t>(x2 + 8L*x1), static_cast<int64_t>(8L));
                            auto tmp1 = static_cast<float>(128.0);
                            auto tmp2 = tmp0 / tmp1;
                            auto tmp3 = static_cast<float>(1e-05);
                            auto tmp4 = float(tmp2 + tmp3);
                            auto tmp5 = 1 / std::sqrt(tmp4);
                            auto tmp7 = at::vec::Vectorized<float>(tmp5);
                            auto tmp8 = tmp7 * tmp6;
                            auto tmp10 = decltype(tmp9)(-tmp9);
                            auto tmp11 = at::vec::Vectorized<float>(tmp10);
                            auto tmp12 = tmp11 * tmp8;
                            auto tmp14 = tmp12 + tmp13;
                            tmp8.store(out_ptr2 + static_cast<int64_t>(x2 + 8L*x1 + 64L*x0), static_cast<int64_t>(8L));
                            tmp14.store(out_ptr3 + static_cast<int64_t>(x2 + 8L*x1 + 64L*x0), static_cast<int64_t>(8L));
                        }
                    }
                }
            }
        }
    }
    {
        #pragma GCC ivdep
        for(int64_t x0=static_cast<int64_t>(0L); x0<static_cast<int64_t>(2L); x0+=static_cast<int64_t>(1L))
        {
            #pragma GCC ivdep
            for(int64_t x1=static_cast<int64_t>(0L); x1<static_cast<int64_t>(16L); x1+=static_cast<int64_t>(1L))
            {
                for(int64_t x2=static_cast<int64_t>(0L); x2<static_cast<int64_t>(64L); x2+=static_cast<int64_t>(16L))
                {
                    {
                        if(C10_LIKELY(x2 >= static_cast<int64_t>(0) && x2 < static_cast<int64_t>(64L)))
                        {
                            auto tmp0 = at::vec::Vectorized<float>::loadu(in_out_ptr1 + static_cast<int64_t>(x2 + 64L*x1 + 1024L*x0), static_cast<int64_t>(16));
                            auto tmp1 = at::vec::Vectorized<float>::loadu(in_ptr1 + static_cast<int64_t>(x2 + 64L*x0), static_cast<int64_t>(16));
                            auto tmp3 = at::vec::Vectorized<float>::loadu(out_ptr2 + static_cast<int64_t>(x2 + 64L*x0), static_cast<int64_t>(16));
                            auto tmp5 = at::vec::Vectorized<float>::loadu(out_ptr3 + static_cast<int64_t>(x2 + 64L*x0), static_cast<int64_t>(16));
                            auto tmp2 = tmp0 + tmp1;
                            auto tmp4 = tmp2 * tmp3;
                            auto tmp6 = tmp4 + tmp5;
                            auto tmp7 = tmp6.neg();
                            auto tmp8 = tmp7.exp();
                            auto tmp9 = static_cast<float>(1.0);
                            auto tmp10 = at::vec::Vectorized<float>(tmp9);
                            auto tmp11 = tmp8 + tmp10;
                            auto tmp12 = tmp6 / tmp11;
                            tmp12.store(in_out_ptr1 + static_cast<int64_t>(x2 + 64L*x1 + 1024L*x0));
                        }
                    }
                }
            }
        }
    }
    inductor_cpu_integer_div_error_flag = nullptr;
    inductor_cpu_throw_if_integer_div_error(inductor_cpu_integer_div_error);
}
''')


cpp_fused_add_div_native_group_norm_16 = async_compile.cpp_pybinding(['float*', 'const float*', 'const float*', 'const float*', 'const float*', 'float*', 'float*', 'float*', 'float*'], r'''
#include <torch/csrc/inductor/cpp_prefix.h>
extern "C"  void  kernel(float* in_out_ptr0,
                       const float* in_ptr0,
                       const float* in_ptr1,
                       const float* in_ptr2,
                       const float* in_ptr3,
                       float* out_ptr1,
                       float* out_ptr2,
                       float* out_ptr3,
                       float* out_ptr4)
{
    std::atomic<int> inductor_cpu_integer_div_error{0};
    inductor_cpu_integer_div_error_flag = &inductor_cpu_integer_div_error;
    auto out_ptr0 = in_out_ptr0;
    {
        #pragma GCC ivdep
        for(int64_t x0=static_cast<int64_t>(0L); x0<static_cast<int64_t>(2L); x0+=static_cast<int64_t>(1L))
        {
            #pragma GCC ivdep
            for(int64_t x1=static_cast<int64_t>(0L); x1<static_cast<int64_t>(8L); x1+=static_cast<int64_t>(1L))
            {
                {
                    float tmp_acc0 = 0;
                    at::vec::Vectorized<float> tmp_acc0_vec = at::vec::Vectorized<float>(0);
                    for(int64_t x2=static_cast<int64_t>(0L); x2<static_cast<int64_t>(16L); x2+=static_cast<int64_t>(1L))
                    {
                        for(int64_t x3=static_cast<int64_t>(0L); x3<static_cast<int64_t>(8L); x3+=static_cast<int64_t>(16L))
                        {
                            {
                                if(C10_LIKELY(x3 >= static_cast<int64_t>(0L) && x3 < static_cast<int64_t>(8L)))
                                {
                                    auto tmp0 = at::vec::Vectorized<float>::loadu(in_ptr0 + static_cast<int64_t>(x3 + 8L*x1 + 64L*x2 + 1024L*x0), static_cast<int64_t>(8L));
                                    auto tmp1 = at::vec::Vectorized<float>::loadu(in_ptr1 + static_cast<int64_t>(x3 + 8L*x1 + 64L*x2 + 1024L*x0), static_cast<int64_t>(8L));
                                    auto tmp2 = tmp0 + tmp1;
                                    auto tmp3 = static_cast<float>(1.0);
                                    auto tmp4 = at::vec::Vectorized<float>(tmp3);
                                    auto tmp5 = tmp2 / tmp4;
                                    tmp_acc0_vec = sum_masked_reduce(tmp_acc0_vec, tmp5, static_cast<int64_t>(8L));
                                }
                            }
                        }
                    }
                    tmp_acc0 = tmp_acc0 + at::vec::vec_reduce_all<float, 1>([](at::vec::Vectorized<float>& x, at::vec::Vectorized<float>& y) { return x + y; }, tmp_acc0_vec);
                    out_ptr0[static_cast<int64_t>(x1 + 8L*x0)] = static_cast<float>(tmp_acc0);
                }
            }
        }
    }
    {
        for(int64_t x0=static_cast<int64_t>(0L); x0<static_cast<int64_t>(16L); x0+=static_cast<int64_t>(16L))
        {
            {
                if(C10_LIKELY(x0 >= static_cast<int64_t>(0) && x0 < static_cast<int64_t>(16L)))
                {
                    auto tmp0 = at::vec::Vectorized<float>::loadu(out_ptr0 + static_cast<int64_t>(x0), static_cast<int64_t>(16));
                    auto tmp1 = static_cast<float>(128.0);
                    auto tmp2 = at::vec::Vectorized<float>(tmp1);
                    auto tmp3 = tmp0 / tmp2;
                    tmp3.store(in_out_ptr0 + static_cast<int64_t>(x0));
                }
            }
        }
    }
    {
        #pragma GCC ivdep
        for(int64_t x0=static_cast<int64_t>(0L); x0<static_cast<int64_t>(2L); x0+=static_cast<int64_t>(1L))
        {
            #pragma GCC ivdep
            for(int64_t x1=static_cast<int64_t>(0L); x1<static_cast<int64_t>(8L); x1+=static_cast<int64_t>(1L))
            {
                {
                    float tmp_acc0 = 0;
                    at::vec::Vectorized<float> tmp_acc0_vec = at::vec::Vectorized<float>(0);
                    for(int64_t x2=static_cast<int64_t>(0L); x2<static_cast<int64_t>(16L); x2+=static_cast<int64_t>(1L))
                    {
                        for(int64_t x3=static_cast<int64_t>(0L); x3<static_cast<int64_t>(8L); x3+=static_cast<int64_t>(16L))
                        {
                            {
                                if(C10_LIKELY(x3 >= static_cast<int64_t>(0L) && x3 < static_cast<int64_t>(8L)))
                                {
                                    auto tmp0 = at::vec::Vectorized<float>::loadu(in_ptr0 + static_cast<int64_t>(x3 + 8L*x1 + 64L*x2 + 1024L*x0), static_cast<int64_t>(8L));
                                    auto tmp1 = at::vec::Vectorized<float>::loadu(in_ptr1 + static_cast<int64_t>(x3 + 8L*x1 + 64L*x2 + 1024L*x0), static_cast<int64_t>(8L));
                                    auto tmp6 = in_out_ptr0[static_cast<int64_t>(x1 + 8L*x0)];
                                    auto tmp2 = tmp0 + tmp1;
                                    auto tmp3 = static_cast<float>(1.0);
                                    auto tmp4 = at::vec::Vectorized<float>(tmp3);
                                    auto tmp5 = tmp2 / tmp4;
                                    auto tmp7 = at::vec::Vectorized<float>(tmp6);
                                    auto tmp8 = tmp5 - tmp7;
                                    auto tmp9 = tmp8 * tmp8;
                                    tmp_acc0_vec = sum_masked_reduce(tmp_acc0_vec, tmp9, static_cast<int64_t>(8L));
                                }
                            }
                        }
                    }
                    tmp_acc0 = tmp_acc0 + at::vec::vec_reduce_all<float, 1>([](at::vec::Vectorized<float>& x, at::vec::Vectorized<float>& y) { return x + y; }, tmp_acc0_vec);
                    out_ptr1[static_cast<int64_t>(x1 + 8L*x0)] = static_cast<float>(tmp_acc0);
                }
                for(int64_t x2=static_cast<int64_t>(0L); x2<static_cast<int64_t>(8L); x2+=static_cast<int64_t>(16L))
                {
                    {
                        if(C10_LIKELY(x2 >= static_cast<int64_t>(0L) && x2 < static_cast<int64_t>(8L)))
                        {
                            auto tmp0 = out_ptr1[static_cast<int64_t>(x1 + 8L*x0)];
                            auto tmp6 = at::vec::Vectorized<float>::loadu(in_ptr2 + static_cast<int64_t>(x2 + 8L*x1), static_cast<int64_t>(8L));
                            auto tmp9 = in_out_ptr0[static_cast<int64_t>(x1 + 8L*x0)];
                            auto tmp13 = at::vec::Vectorized<float>::loadu(in_ptr3 + static_cast<int64_t>(x2 + 8L*x1), static_cast<int64_t>(8L));
                            auto tmp1 = static_cast<float>(128.0);
                            auto tmp2 = tmp0 / tmp1;
                            auto tmp3 = static_cast<float>(1e-06);
                            auto tmp4 = float(tmp2 + tmp3);
                            auto tmp5 = 1 / std::sqrt(tmp4);
                            auto tmp7 = at::vec::Vectorized<float>(tmp5);
                            auto tmp8 = tmp7 * tmp6;
                            auto tmp10 = decltype(tmp9)(-tmp9);
                            auto tmp11 = at::vec::Vectorized<float>(tmp10);
                            auto tmp12 = tmp11 * tmp8;
                            auto tmp14 = tmp12 + tmp13;
                            tmp8.store(out_ptr2 + static_cast<int64_t>(x2 + 8L*x1 + 64L*x0), static_cast<int64_t>(8L));
                            tmp14.store(out_ptr3 + static_cast<int64_t>(x2 + 8L*x1 + 64L*x0), static_cast<int64_t>(8L));
                        }
                    }
                }
            }
        }
    }
    {
        #pragma GCC ivdep
        for(int64_t x0=static_cast<int64_t>(0L); x0<static_cast<int64_t>(2L); x0+=static_cast<int64_t>(1L))
        {
            #pragma GCC ivdep
            for(int64_t x1=static_cast<int64_t>(0L); x1<static_cast<int64_t>(16L); x1+=static_cast<int64_t>(1L))
            {
                for(int64_t x2=static_cast<int64_t>(0L); x2<static_cast<int64_t>(64L); x2+=static_cast<int64_t>(16L))
                {
                    {
                        if(C10_LIKELY(x2 >= static_cast<int64_t>(0) && x2 < static_cast<int64_t>(64L)))
                        {
                            auto tmp0 = at::vec::Vectorized<float>::loadu(in_ptr0 + static_cast<int64_t>(x2 + 64L*x1 + 1024L*x0), static_cast<int64_t>(16));
                            auto tmp1 = at::vec::Vectorized<float>::loadu(in_ptr1 + static_cast<int64_t>(x2 + 64L*x1 + 1024L*x0), static_cast<int64_t>(16));
                            auto tmp6 = at::vec::Vectorized<float>::loadu(out_ptr2 + static_cast<int64_t>(x2 + 64L*x0), static_cast<int64_t>(16));
                            auto tmp8 = at::vec::Vectorized<float>::loadu(out_ptr3 + static_cast<int64_t>(x2 + 64L*x0), static_cast<int64_t>(16));
                            auto tmp2 = tmp0 + tmp1;
                            auto tmp3 = static_cast<float>(1.0);
                            auto tmp4 = at::vec::Vectorized<float>(tmp3);
                            auto tmp5 = tmp2 / tmp4;
                            auto tmp7 = tmp5 * tmp6;
                            auto tmp9 = tmp7 + tmp8;
                            tmp9.store(out_ptr4 + static_cast<int64_t>(x2 + 64L*x1 + 1024L*x0));
                        }
                    }
                }
            }
        }
    }
    inductor_cpu_integer_div_error_flag = nullptr;
    inductor_cpu_throw_if_integer_div_error(inductor_cpu_integer_div_error);
}
''')


cpp_fused_native_layer_norm_permute_view_17 = async_compile.cpp_pybinding(['float*', 'const float*', 'const float*', 'const float*', 'float*', 'float*'], r'''
#include <torch/csrc/inductor/cpp_prefix.h>
extern "C"  void  kernel(float* in_out_ptr0,
                       const float* in_ptr0,
                       const float* in_ptr1,
                       const float* in_ptr2,
                       float* out_ptr1,
                       float* out_ptr2)
{
    std::atomic<int> inductor_cpu_integer_div_error{0};
    inductor_cpu_integer_div_error_flag = &inductor_cpu_integer_div_error;
    auto out_ptr0 = in_out_ptr0;
    {
        #pragma GCC ivdep
        for(int64_t x0=static_cast<int64_t>(0L); x0<static_cast<int64_t>(32L); x0+=static_cast<int64_t>(1L))
        {
            {
                float tmp_acc0 = 0;
                at::vec::Vectorized<float> tmp_acc0_vec = at::vec::Vectorized<float>(0);
                for(int64_t x1=static_cast<int64_t>(0L); x1<static_cast<int64_t>(64L); x1+=static_cast<int64_t>(16L))
                {
                    {
                        if(C10_LIKELY(x1 >= static_cast<int64_t>(0) && x1 < static_cast<int64_t>(64L)))
                        {
                            auto tmp0 = at::vec::Vectorized<float>::loadu(in_ptr0 + static_cast<int64_t>(x1 + 64L*x0), static_cast<int64_t>(16));
                            tmp_acc0_vec = tmp_acc0_vec + tmp0;
                        }
                    }
                }
                tmp_acc0 = tmp_acc0 + at::vec::vec_reduce_all<float, 1>([](at::vec::Vectorized<float>& x, at::vec::Vectorized<float>& y) { return x + y; }, tmp_acc0_vec);
                in_out_ptr0[static_cast<int64_t>(x0)] = static_cast<float>(tmp_acc0);
            }
        }
    }
    {
        for(int64_t x0=static_cast<int64_t>(0L); x0<static_cast<int64_t>(32L); x0+=static_cast<int64_t>(16L))
        {
            {
                if(C10_LIKELY(x0 >= static_cast<int64_t>(0) && x0 < static_cast<int64_t>(32L)))
                {
                    auto tmp0 = at::vec::Vectorized<float>::loadu(out_ptr0 + static_cast<int64_t>(x0), static_cast<int64_t>(16));
                    auto tmp1 = static_cast<float>(64.0);
                    auto tmp2 = at::vec::Vectorized<float>(tmp1);
                    auto tmp3 = tmp0 / tmp2;
                    tmp3.store(in_out_ptr0 + static_cast<int64_t>(x0));
                }
            }
        }
    }
    {
        #pragma GCC ivdep
        for(int64_t x0=static_cast<int64_t>(0L); x0<static_cast<int64_t>(32L); x0+=static_cast<int64_t>(1L))
        {
            {
                float tmp_acc0 = 0;
                at::vec::Vectorized<float> tmp_acc0_vec = at::vec::Vectorized<float>(0);
                for(int64_t x1=static_cast<int64_t>(0L); x1<static_cast<int64_t>(64L); x1+=static_cast<int64_t>(16L))
                {
                    {
                        if(C10_LIKELY(x1 >= static_cast<int64_t>(0) && x1 < static_cast<int64_t>(64L)))
                        {
                            auto tmp0 = at::vec::Vectorized<float>::loadu(in_ptr0 + static_cast<int64_t>(x1 + 64L*x0), static_cast<int64_t>(16));
                            auto tmp1 = in_out_ptr0[static_cast<int64_t>(x0)];
                            auto tmp2 = at::vec::Vectorized<float>(tmp1);
                            auto tmp3 = tmp0 - tmp2;
                            auto tmp4 = tmp3 * tmp3;
                            tmp_acc0_vec = tmp_acc0_vec + tmp4;
                        }
                    }
                }
                tmp_acc0 = tmp_acc0 + at::vec::vec_reduce_all<float, 1>([](at::vec::Vectorized<float>& x, at::vec::Vectorized<float>& y) { return x + y; }, tmp_acc0_vec);
                out_ptr1[static_cast<int64_t>(x0)] = static_cast<float>(tmp_acc0);
            }
        }
    }
    {
        #pragma GCC ivdep
        for(int64_t x0=static_cast<int64_t>(0L); x0<static_cast<int64_t>(32L); x0+=static_cast<int64_t>(1L))
        {
            for(int64_t x1=static_cast<int64_t>(0L); x1<static_cast<int64_t>(64L); x1+=static_cast<int64_t>(16L))
            {
                {
                    if(C10_LIKELY(x1 >= static_cast<int64_t>(0) && x1 < static_cast<int64_t>(64L)))
                    {
                        auto tmp0 = at::vec::Vectorized<float>::loadu(in_ptr0 + static_cast<int64_t>(x1 + 64L*x0), static_cast<int64_t>(16));
                        auto tmp1 = in_out_ptr0[static_cast<int64_t>(x0)];
                        auto tmp4 = out_ptr1[static_cast<int64_t>(x0)];
                        auto tmp12 = at::vec::Vectorized<float>::loadu(in_ptr1 + static_cast<int64_t>(x1), static_cast<int64_t>(16));
                        auto tmp14 = at::vec::Vectorized<float>::loadu(in_ptr2 + static_cast<int64_t>(x1), static_cast<int64_t>(16));
                        auto tmp2 = at::vec::Vectorized<float>(tmp1);
                        auto tmp3 = tmp0 - tmp2;
                        auto tmp5 = static_cast<float>(64.0);
                        auto tmp6 = tmp4 / tmp5;
                        auto tmp7 = static_cast<float>(1e-05);
                        auto tmp8 = float(tmp6 + tmp7);
                        auto tmp9 = 1 / std::sqrt(tmp8);
                        auto tmp10 = at::vec::Vectorized<float>(tmp9);
                        auto tmp11 = tmp3 * tmp10;
                        auto tmp13 = tmp11 * tmp12;
                        auto tmp15 = tmp13 + tmp14;
                        tmp15.store(out_ptr2 + static_cast<int64_t>(x1 + 64L*x0));
                    }
                }
            }
        }
    }
    inductor_cpu_integer_div_error_flag = nullptr;
    inductor_cpu_throw_if_integer_div_error(inductor_cpu_integer_div_error);
}
''')


cpp_fused__scaled_dot_product_flash_attention_for_cpu__unsafe_view_add_mul_transpose_view_18 = async_compile.cpp_pybinding(['float*', 'const float*', 'const float*', 'const float*', 'const float*'], r'''
#include <torch/csrc/inductor/cpp_prefix.h>
extern "C"  void  kernel(float* in_out_ptr0,
                       const float* in_ptr0,
                       const float* in_ptr1,
                       const float* in_ptr2,
                       const float* in_ptr3)
{
    std::atomic<int> inductor_cpu_integer_div_error{0};
    inductor_cpu_integer_div_error_flag = &inductor_cpu_integer_div_error;
    {
        for(int64_t x0=static_cast<int64_t>(0L); x0<static_cast<int64_t>(2048L); x0+=static_cast<int64_t>(16L))
        {
            {
                if(C10_LIKELY(x0 >= static_cast<int64_t>(0) && x0 < static_cast<int64_t>(2048L)))
                {
                    auto tmp0 = at::vec::Vectorized<float>::loadu(in_out_ptr0 + static_cast<int64_t>(x0), static_cast<int64_t>(16));
                    auto tmp1 = at::vec::Vectorized<float>::loadu(in_ptr0 + static_cast<int64_t>(x0), static_cast<int64_t>(16));
                    auto tmp2 = in_ptr1[static_cast<int64_t>(0L)];
                    auto tmp6 = at::vec::Vectorized<float>::loadu(in_ptr2 + static_cast<int64_t>(x0), static_cast<int64_t>(16));
                    auto tmp7 = in_ptr3[static_cast<int64_t>(0L)];
                    auto tmp3 = at::vec::Vectorized<float>(tmp2);
                    auto tmp4 = tmp1 * tmp3;
                    auto tmp5 = tmp0 + tmp4;
                    auto tmp8 = at::vec::Vectorized<float>(tmp7);
                    auto tmp9 = tmp6 * tmp8;
                    auto tmp10 = tmp5 + tmp9;
                    tmp10.store(in_out_ptr0 + static_cast<int64_t>(x0));
                }
            }
        }
    }
    inductor_cpu_integer_div_error_flag = nullptr;
    inductor_cpu_throw_if_integer_div_error(inductor_cpu_integer_div_error);
}
''')


cpp_fused__unsafe_view_add_div_mul_native_layer_norm_permute_view_19 = async_compile.cpp_pybinding(['float*', 'float*', 'const float*', 'const float*', 'const float*', 'const float*', 'const float*', 'const float*', 'const float*', 'float*', 'float*'], r'''
#include <torch/csrc/inductor/cpp_prefix.h>
extern "C"  void  kernel(float* in_out_ptr0,
                       float* in_out_ptr1,
                       const float* in_ptr0,
                       const float* in_ptr1,
                       const float* in_ptr2,
                       const float* in_ptr3,
                       const float* in_ptr4,
                       const float* in_ptr5,
                       const float* in_ptr6,
                       float* out_ptr1,
                       float* out_ptr2)
{
    std::atomic<int> inductor_cpu_integer_div_error{0};
    inductor_cpu_integer_div_error_flag = &inductor_cpu_integer_div_error;
    auto out_ptr0 = in_out_ptr1;
    {
        for(int64_t x0=static_cast<int64_t>(0L); x0<static_cast<int64_t>(2048L); x0+=static_cast<int64_t>(16L))
        {
            {
                if(C10_LIKELY(x0 >= static_cast<int64_t>(0) && x0 < static_cast<int64_t>(2048L)))
                {
                    auto tmp0 = at::vec::Vectorized<float>::loadu(in_out_ptr0 + static_cast<int64_t>(x0), static_cast<int64_t>(16));
                    auto tmp1 = at::vec::Vectorized<float>::loadu(in_ptr0 + static_cast<int64_t>(x0), static_cast<int64_t>(16));
                    auto tmp2 = in_ptr1[static_cast<int64_t>(0L)];
                    auto tmp6 = at::vec::Vectorized<float>::loadu(in_ptr2 + static_cast<int64_t>(x0), static_cast<int64_t>(16));
                    auto tmp7 = in_ptr3[static_cast<int64_t>(0L)];
                    auto tmp14 = at::vec::Vectorized<float>::loadu(in_ptr4 + static_cast<int64_t>(x0), static_cast<int64_t>(16));
                    auto tmp3 = at::vec::Vectorized<float>(tmp2);
                    auto tmp4 = tmp1 * tmp3;
                    auto tmp5 = tmp0 + tmp4;
                    auto tmp8 = at::vec::Vectorized<float>(tmp7);
                    auto tmp9 = tmp6 * tmp8;
                    auto tmp10 = tmp5 + tmp9;
                    auto tmp11 = static_cast<float>(1.0);
                    auto tmp12 = at::vec::Vectorized<float>(tmp11);
                    auto tmp13 = tmp10 / tmp12;
                    auto tmp15 = tmp13 + tmp14;
                    tmp15.store(in_out_ptr0 + static_cast<int64_t>(x0));
                }
            }
        }
    }
    {
        #pragma GCC ivdep
        for(int64_t x0=static_cast<int64_t>(0L); x0<static_cast<int64_t>(32L); x0+=static_cast<int64_t>(1L))
        {
            {
                float tmp_acc0 = 0;
                at::vec::Vectorized<float> tmp_acc0_vec = at::vec::Vectorized<float>(0);
                for(int64_t x1=static_cast<int64_t>(0L); x1<static_cast<int64_t>(64L); x1+=static_cast<int64_t>(16L))
                {
                    {
                        if(C10_LIKELY(x1 >= static_cast<int64_t>(0) && x1 < static_cast<int64_t>(64L)))
                        {
                            auto tmp0 = at::vec::Vectorized<float>::loadu(in_out_ptr0 + static_cast<int64_t>(x1 + 64L*x0), static_cast<int64_t>(16));
                            tmp_acc0_vec = tmp_acc0_vec + tmp0;
                        }
                    }
                }
                tmp_acc0 = tmp_acc0 + at::vec::vec_reduce_all<float, 1>([](at::vec::Vectorized<float>& x, at::vec::Vectorized<float>& y) { return x + y; }, tmp_acc0_vec);
                in_out_ptr1[static_cast<int64_t>(x0)] = static_cast<float>(tmp_acc0);
            }
        }
    }
    {
        for(int64_t x0=static_cast<int64_t>(0L); x0<static_cast<int64_t>(32L); x0+=static_cast<int64_t>(16L))
        {
            {
                if(C10_LIKELY(x0 >= static_cast<int64_t>(0) && x0 < static_cast<int64_t>(32L)))
                {
                    auto tmp0 = at::vec::Vectorized<float>::loadu(out_ptr0 + static_cast<int64_t>(x0), static_cast<int64_t>(16));
                    auto tmp1 = static_cast<float>(64.0);
                    auto tmp2 = at::vec::Vectorized<float>(tmp1);
                    auto tmp3 = tmp0 / tmp2;
                    tmp3.store(in_out_ptr1 + static_cast<int64_t>(x0));
                }
            }
        }
    }
    {
        #pragma GCC ivdep
        for(int64_t x0=static_cast<int64_t>(0L); x0<static_cast<int64_t>(32L); x0+=static_cast<int64_t>(1L))
        {
            {
                float tmp_acc0 = 0;
                at::vec::Vectorized<float> tmp_acc0_vec = at::vec::Vectorized<float>(0);
                for(int64_t x1=static_cast<int64_t>(0L); x1<static_cast<int64_t>(64L); x1+=static_cast<int64_t>(16L))
                {
                    {
                        if(C10_LIKELY(x1 >= static_cast<int64_t>(0) && x1 < static_cast<int64_t>(64L)))
                        {
                            auto tmp0 = at::vec::Vectorized<float>::loadu(in_out_ptr0 + static_cast<int64_t>(x1 + 64L*x0), static_cast<int64_t>(16));
                            auto tmp1 = in_out_ptr1[static_cast<int64_t>(x0)];
                            auto tmp2 = at::vec::Vectorized<float>(tmp1);
                            auto tmp3 = tmp0 - tmp2;
                            auto tmp4 = tmp3 * tmp3;
                            tmp_acc0_vec = tmp_acc0_vec + tmp4;
                        }
                    }
                }
                tmp_acc0 = tmp_acc0 + at::vec::vec_reduce_all<float, 1>([](at::vec::Vectorized<float>& x, at::vec::Vectorized<float>& y) { return x + y; }, tmp_acc0_vec);
                out_ptr1[static_cast<int64_t>(x0)] = static_cast<float>(tmp_acc0);
            }
        }
    }
    {
        #pragma GCC ivdep
        for(int64_t x0=static_cast<int64_t>(0L); x0<static_cast<int64_t>(32L); x0+=static_cast<int64_t>(1L))
        {
            for(int64_t x1=static_cast<int64_t>(0L); x1<static_cast<int64_t>(64L); x1+=static_cast<int64_t>(16L))
            {
                {
                    if(C10_LIKELY(x1 >= static_cast<int64_t>(0) && x1 < static_cast<int64_t>(64L)))
                    {
                        auto tmp0 = at::vec::Vectorized<float>::loadu(in_out_ptr0 + static_cast<int64_t>(x1 + 64L*x0), static_cast<int64_t>(16));
                        auto tmp1 = in_out_ptr1[static_cast<int64_t>(x0)];
                        auto tmp4 = out_ptr1[static_cast<int64_t>(x0)];
                        auto tmp12 = at::vec::Vectorized<float>::loadu(in_ptr5 + static_cast<int64_t>(x1), static_cast<int64_t>(16));
                        auto tmp14 = at::vec::Vectorized<float>::loadu(in_ptr6 + static_cast<int64_t>(x1), static_cast<int64_t>(16));
                        auto tmp2 = at::vec::Vectorized<float>(tmp1);
                        auto tmp3 = tmp0 - tmp2;
                        auto tmp5 = static_cast<float>(64.0);
                        auto tmp6 = tmp4 / tmp5;
                        auto tmp7 = static_cast<float>(1e-05);
                        auto tmp8 = float(tmp6 + tmp7);
                        auto tmp9 = 1 / std::sqrt(tmp8);
                        auto tmp10 = at::vec::Vectorized<float>(tmp9);
                        auto tmp11 = tmp3 * tmp10;
                        auto tmp13 = tmp11 * tmp12;
                        auto tmp15 = tmp13 + tmp14;
                        tmp15.store(out_ptr2 + static_cast<int64_t>(x1 + 64L*x0));
                    }
                }
            }
        }
    }
    inductor_cpu_integer_div_error_flag = nullptr;
    inductor_cpu_throw_if_integer_div_error(inductor_cpu_integer_div_error);
}
''')


cpp_fused__scaled_dot_product_flash_attention_for_cpu__unsafe_view_add_mul_transpose_view_20 = async_compile.cpp_pybinding(['float*', 'const float*', 'const float*', 'const float*', 'const float*'], r'''
#include <torch/csrc/inductor/cpp_prefix.h>
extern "C"  void  kernel(float* in_out_ptr0,
                       const float* in_ptr0,
                       const float* in_ptr1,
                       const float* in_ptr2,
                       const float* in_ptr3)
{
    std::atomic<int> inductor_cpu_integer_div_error{0};
    inductor_cpu_integer_div_error_flag = &inductor_cpu_integer_div_error;
    {
        for(int64_t x0=static_cast<int64_t>(0L); x0<static_cast<int64_t>(9856L); x0+=static_cast<int64_t>(16L))
        {
            {
                if(C10_LIKELY(x0 >= static_cast<int64_t>(0) && x0 < static_cast<int64_t>(9856L)))
                {
                    auto tmp0 = at::vec::Vectorized<float>::loadu(in_out_ptr0 + static_cast<int64_t>(x0), static_cast<int64_t>(16));
                    auto tmp1 = at::vec::Vectorized<float>::loadu(in_ptr0 + static_cast<int64_t>(x0), static_cast<int64_t>(16));
                    auto tmp2 = in_ptr1[static_cast<int64_t>(0L)];
                    auto tmp6 = at::vec::Vectorized<float>::loadu(in_ptr2 + static_cast<int64_t>(x0), static_cast<int64_t>(16));
                    auto tmp7 = in_ptr3[static_cast<int64_t>(0L)];
                    auto tmp3 = at::vec::Vectorized<float>(tmp2);
                    auto tmp4 = tmp1 * tmp3;
                    auto tmp5 = tmp0 + tmp4;
                    auto tmp8 = at::vec::Vectorized<float>(tmp7);
                    auto tmp9 = tmp6 * tmp8;
                    auto tmp10 = tmp5 + tmp9;
                    tmp10.store(in_out_ptr0 + static_cast<int64_t>(x0));
                }
            }
        }
    }
    inductor_cpu_integer_div_error_flag = nullptr;
    inductor_cpu_throw_if_integer_div_error(inductor_cpu_integer_div_error);
}
''')


cpp_fused_gelu_mul_split_view_21 = async_compile.cpp_pybinding(['const float*', 'float*'], r'''
#include <torch/csrc/inductor/cpp_prefix.h>
extern "C"  void  kernel(const float* in_ptr0,
                       float* out_ptr0)
{
    std::atomic<int> inductor_cpu_integer_div_error{0};
    inductor_cpu_integer_div_error_flag = &inductor_cpu_integer_div_error;
    {
        #pragma GCC ivdep
        for(int64_t x0=static_cast<int64_t>(0L); x0<static_cast<int64_t>(32L); x0+=static_cast<int64_t>(1L))
        {
            for(int64_t x1=static_cast<int64_t>(0L); x1<static_cast<int64_t>(256L); x1+=static_cast<int64_t>(16L))
            {
                {
                    if(C10_LIKELY(x1 >= static_cast<int64_t>(0) && x1 < static_cast<int64_t>(256L)))
                    {
                        auto tmp0 = at::vec::Vectorized<float>::loadu(in_ptr0 + static_cast<int64_t>(x1 + 512L*x0), static_cast<int64_t>(16));
                        auto tmp1 = at::vec::Vectorized<float>::loadu(in_ptr0 + static_cast<int64_t>(256L + x1 + 512L*x0), static_cast<int64_t>(16));
                        auto tmp2 = static_cast<float>(0.5);
                        auto tmp3 = at::vec::Vectorized<float>(tmp2);
                        auto tmp4 = tmp1 * tmp3;
                        auto tmp5 = static_cast<float>(0.7071067811865476);
                        auto tmp6 = at::vec::Vectorized<float>(tmp5);
                        auto tmp7 = tmp1 * tmp6;
                        auto tmp8 = tmp7.erf();
                        auto tmp9 = static_cast<float>(1.0);
                        auto tmp10 = at::vec::Vectorized<float>(tmp9);
                        auto tmp11 = tmp8 + tmp10;
                        auto tmp12 = tmp4 * tmp11;
                        auto tmp13 = tmp0 * tmp12;
                        tmp13.store(out_ptr0 + static_cast<int64_t>(x1 + 256L*x0));
                    }
                }
            }
        }
    }
    inductor_cpu_integer_div_error_flag = nullptr;
    inductor_cpu_throw_if_integer_div_error(inductor_cpu_integer_div_error);
}
''')


cpp_fused_add_clone_permute_view_22 = async_compile.cpp_pybinding(['float*', 'const float*'], r'''
#include <torch/csrc/inductor/cpp_prefix.h>
extern "C"  void  kernel(float* in_out_ptr0,
                       const float* in_ptr0)
{
    std::atomic<int> inductor_cpu_integer_div_error{0};
    inductor_cpu_integer_div_error_flag = &inductor_cpu_integer_div_error;
    {
        for(int64_t x0=static_cast<int64_t>(0L); x0<static_cast<int64_t>(2048L); x0+=static_cast<int64_t>(16L))
        {
            {
                if(C10_LIKELY(x0 >= static_cast<int64_t>(0) && x0 < static_cast<int64_t>(2048L)))
                {
                    auto tmp0 = at::vec::Vectorized<float>::loadu(in_out_ptr0 + static_cast<int64_t>(x0), static_cast<int64_t>(16));
                    auto tmp1 = at::vec::Vectorized<float>::loadu(in_ptr0 + static_cast<int64_t>(x0), static_cast<int64_t>(16));
                    auto tmp2 = tmp0 + tmp1;
                    tmp2.store(in_out_ptr0 + static_cast<int64_t>(x0));
                }
            }
        }
    }
    inductor_cpu_integer_div_error_flag = nullptr;
    inductor_cpu_throw_if_integer_div_error(inductor_cpu_integer_div_error);
}
''')


cpp_fused_add_cat_div_23 = async_compile.cpp_pybinding(['float*', 'const float*', 'const float*', 'float*'], r'''
#include <torch/csrc/inductor/cpp_prefix.h>
extern "C"  void  kernel(float* in_out_ptr0,
                       const float* in_ptr0,
                       const float* in_ptr1,
                       float* out_ptr0)
{
    std::atomic<int> inductor_cpu_integer_div_error{0};
    inductor_cpu_integer_div_error_flag = &inductor_cpu_integer_div_error;
    {
        #pragma GCC ivdep
        for(int64_t x0=static_cast<int64_t>(0L); x0<static_cast<int64_t>(32L); x0+=static_cast<int64_t>(1L))
        {
            for(int64_t x1=static_cast<int64_t>(0L); x1<static_cast<int64_t>(64L); x1+=static_cast<int64_t>(16L))
            {
                {
                    if(C10_LIKELY(x1 >= static_cast<int64_t>(0) && x1 < static_cast<int64_t>(64L)))
                    {
                        auto tmp0 = at::vec::Vectorized<float>::loadu(in_out_ptr0 + static_cast<int64_t>(x1 + 64L*x0), static_cast<int64_t>(16));
                        auto tmp1 = at::vec::Vectorized<float>::loadu(in_ptr0 + static_cast<int64_t>(x1 + 64L*x0), static_cast<int64_t>(16));
                        auto tmp2 = at::vec::Vectorized<float>::loadu(in_ptr1 + static_cast<int64_t>(x1 + 64L*x0), static_cast<int64_t>(16));
                        auto tmp3 = tmp1 + tmp2;
                        auto tmp4 = static_cast<float>(1.0);
                        auto tmp5 = at::vec::Vectorized<float>(tmp4);
                        auto tmp6 = tmp3 / tmp5;
                        auto tmp7 = tmp0 + tmp6;
                        tmp7.store(in_out_ptr0 + static_cast<int64_t>(x1 + 64L*x0));
                        tmp7.store(out_ptr0 + static_cast<int64_t>(x1 + 128L*x0));
                    }
                }
            }
        }
    }
    inductor_cpu_integer_div_error_flag = nullptr;
    inductor_cpu_throw_if_integer_div_error(inductor_cpu_integer_div_error);
}
''')


cpp_fused_native_group_norm_silu_24 = async_compile.cpp_pybinding(['float*', 'const float*', 'const float*', 'const float*', 'float*', 'float*', 'float*', 'float*'], r'''
#include <torch/csrc/inductor/cpp_prefix.h>
extern "C"  void  kernel(float* in_out_ptr0,
                       const float* in_ptr0,
                       const float* in_ptr1,
                       const float* in_ptr2,
                       float* out_ptr1,
                       float* out_ptr2,
                       float* out_ptr3,
                       float* out_ptr4)
{
    std::atomic<int> inductor_cpu_integer_div_error{0};
    inductor_cpu_integer_div_error_flag = &inductor_cpu_integer_div_error;
    auto out_ptr0 = in_out_ptr0;
    {
        #pragma GCC ivdep
        for(int64_t x0=static_cast<int64_t>(0L); x0<static_cast<int64_t>(2L); x0+=static_cast<int64_t>(1L))
        {
            #pragma GCC ivdep
            for(int64_t x1=static_cast<int64_t>(0L); x1<static_cast<int64_t>(8L); x1+=static_cast<int64_t>(1L))
            {
                {
                    float tmp_acc0 = 0;
                    at::vec::Vectorized<float> tmp_acc0_vec = at::vec::Vectorized<float>(0);
                    for(int64_t x2=static_cast<int64_t>(0L); x2<static_cast<int64_t>(4L); x2+=static_cast<int64_t>(1L))
                    {
                        for(int64_t x3=static_cast<int64_t>(0L); x3<static_cast<int64_t>(8L); x3+=static_cast<int64_t>(16L))
                        {
                            {
                                if(C10_LIKELY(x3 >= static_cast<int64_t>(0L) && x3 < static_cast<int64_t>(8L)))
                                {
                                    auto tmp0 = at::vec::Vectorized<float>::loadu(in_ptr0 + static_cast<int64_t>(x3 + 8L*x1 + 64L*x2 + 256L*x0), static_cast<int64_t>(8L));
                                    tmp_acc0_vec = sum_masked_reduce(tmp_acc0_vec, tmp0, static_cast<int64_t>(8L));
                                }
                            }
                        }
                    }
                    tmp_acc0 = tmp_acc0 + at::vec::vec_reduce_all<float, 1>([](at::vec::Vectorized<float>& x, at::vec::Vectorized<float>& y) { return x + y; }, tmp_acc0_vec);
                    out_ptr0[static_cast<int64_t>(x1 + 8L*x0)] = static_cast<float>(tmp_acc0);
                }
            }
        }
    }
    {
        for(int64_t x0=static_cast<int64_t>(0L); x0<static_cast<int64_t>(16L); x0+=static_cast<int64_t>(16L))
        {
            {
                if(C10_LIKELY(x0 >= static_cast<int64_t>(0) && x0 < static_cast<int64_t>(16L)))
                {
                    auto tmp0 = at::vec::Vectorized<float>::loadu(out_ptr0 + static_cast<int64_t>(x0), static_cast<int64_t>(16));
                    auto tmp1 = static_cast<float>(32.0);
                    auto tmp2 = at::vec::Vectorized<float>(tmp1);
                    auto tmp3 = tmp0 / tmp2;
                    tmp3.store(in_out_ptr0 + static_cast<int64_t>(x0));
                }
            }
        }
    }
    {
        #pragma GCC ivdep
        for(int64_t x0=static_cast<int64_t>(0L); x0<static_cast<int64_t>(2L); x0+=static_cast<int64_t>(1L))
        {
            #pragma GCC ivdep
            for(int64_t x1=static_cast<int64_t>(0L); x1<static_cast<int64_t>(8L); x1+=static_cast<int64_t>(1L))
            {
                {
                    float tmp_acc0 = 0;
                    at::vec::Vectorized<float> tmp_acc0_vec = at::vec::Vectorized<float>(0);
                    for(int64_t x2=static_cast<int64_t>(0L); x2<static_cast<int64_t>(4L); x2+=static_cast<int64_t>(1L))
                    {
                        for(int64_t x3=static_cast<int64_t>(0L); x3<static_cast<int64_t>(8L); x3+=static_cast<int64_t>(16L))
                        {
                            {
                                if(C10_LIKELY(x3 >= static_cast<int64_t>(0L) && x3 < static_cast<int64_t>(8L)))
                                {
                                    auto tmp0 = at::vec::Vectorized<float>::loadu(in_ptr0 + static_cast<int64_t>(x3 + 8L*x1 + 64L*x2 + 256L*x0), static_cast<int64_t>(8L));
                                    auto tmp1 = in_out_ptr0[static_cast<int64_t>(x1 + 8L*x0)];
                                    auto tmp2 = at::vec::Vectorized<float>(tmp1);
                                    auto tmp3 = tmp0 - tmp2;
                                    auto tmp4 = tmp3 * tmp3;
                                    tmp_acc0_vec = sum_masked_reduce(tmp_acc0_vec, tmp4, static_cast<int64_t>(8L));
                                }
                            }
                        }
                    }
                    tmp_acc0 = tmp_acc0 + at::vec::vec_reduce_all<float, 1>([](at::vec::Vectorized<float>& x, at::vec::Vectorized<float>& y) { return x + y; }, tmp_acc0_vec);
                    out_ptr1[static_cast<int64_t>(x1 + 8L*x0)] = static_cast<float>(tmp_acc0);
                }
                for(int64_t x2=static_cast<int64_t>(0L); x2<static_cast<int64_t>(8L); x2+=static_cast<int64_t>(16L))
                {
                    {
                        if(C10_LIKELY(x2 >= static_cast<int64_t>(0L) && x2 < static_cast<int64_t>(8L)))
                        {
                            auto tmp0 = out_ptr1[static_cast<int64_t>(x1 + 8L*x0)];
                            auto tmp6 = at::vec::Vectorized<float>::loadu(in_ptr1 + static_cast<int64_t>(x2 + 8L*x1), static_cast<int64_t>(8L));
                            auto tmp9 = in_out_ptr0[static_cast<int64_t>(x1 + 8L*x0)];
                            auto tmp13 = at::vec::Vectorized<float>::loadu(in_ptr2 + static_cast<int64_t>(x2 + 8L*x1), static_cast<int64_t>(8L));
                            auto tmp1 = static_cast<float>(32.0);
                            auto tmp2 = tmp0 / tmp1;
                            auto tmp3 = static_cast<float>(1e-05);
                            auto tmp4 = float(tmp2 + tmp3);
                            auto tmp5 = 1 / std::sqrt(tmp4);
                            auto tmp7 = at::vec::Vectorized<float>(tmp5);
                            auto tmp8 = tmp7 * tmp6;
                            auto tmp10 = decltype(tmp9)(-tmp9);
                            auto tmp11 = at::vec::Vectorized<float>(tmp10);
                            auto tmp12 = tmp11 * tmp8;
                            auto tmp14 = tmp12 + tmp13;
                            tmp8.store(out_ptr2 + static_cast<int64_t>(x2 + 8L*x1 + 64L*x0), static_cast<int64_t>(8L));
                            tmp14.store(out_ptr3 + static_cast<int64_t>(x2 + 8L*x1 + 64L*x0), static_cast<int64_t>(8L));
                        }
                    }
                }
            }
        }
    }
    {
        #pragma GCC ivdep
        for(int64_t x0=static_cast<int64_t>(0L); x0<static_cast<int64_t>(2L); x0+=static_cast<int64_t>(1L))
        {
            #pragma GCC ivdep
            for(int64_t x1=static_cast<int64_t>(0L); x1<static_cast<int64_t>(4L); x1+=static_cast<int64_t>(1L))
            {
                for(int64_t x2=static_cast<int64_t>(0L); x2<static_cast<int64_t>(64L); x2+=static_cast<int64_t>(16L))
                {
                    {
                        if(C10_LIKELY(x2 >= static_cast<int64_t>(0) && x2 < static_cast<int64_t>(64L)))
                        {
                            auto tmp0 = at::vec::Vectorized<float>::loadu(in_ptr0 + static_cast<int64_t>(x2 + 64L*x1 + 256L*x0), static_cast<int64_t>(16));
                            auto tmp1 = at::vec::Vectorized<float>::loadu(out_ptr2 + static_cast<int64_t>(x2 + 64L*x0), static_cast<int64_t>(16));
                            auto tmp3 = at::vec::Vectorized<float>::loadu(out_ptr3 + static_cast<int64_t>(x2 + 64L*x0), static_cast<int64_t>(16));
                            auto tmp2 = tmp0 * tmp1;
                            auto tmp4 = tmp2 + tmp3;
                            auto tmp5 = tmp4.neg();
                            auto tmp6 = tmp5.exp();
                            auto tmp7 = static_cast<float>(1.0);
                            auto tmp8 = at::vec::Vectorized<float>(tmp7);
                            auto tmp9 = tmp6 + tmp8;
                            auto tmp10 = tmp4 / tmp9;
                            tmp10.store(out_ptr4 + static_cast<int64_t>(x2 + 64L*x1 + 256L*x0));
                        }
                    }
                }
            }
        }
    }
    inductor_cpu_integer_div_error_flag = nullptr;
    inductor_cpu_throw_if_integer_div_error(inductor_cpu_integer_div_error);
}
''')


cpp_fused_add_native_group_norm_silu_unsqueeze_25 = async_compile.cpp_pybinding(['float*', 'float*', 'const float*', 'const float*', 'const float*', 'float*', 'float*', 'float*'], r'''
#include <torch/csrc/inductor/cpp_prefix.h>
extern "C"  void  kernel(float* in_out_ptr0,
                       float* in_out_ptr1,
                       const float* in_ptr1,
                       const float* in_ptr2,
                       const float* in_ptr3,
                       float* out_ptr1,
                       float* out_ptr2,
                       float* out_ptr3)
{
    std::atomic<int> inductor_cpu_integer_div_error{0};
    inductor_cpu_integer_div_error_flag = &inductor_cpu_integer_div_error;
    auto out_ptr0 = in_out_ptr0;
    auto in_ptr0 = in_out_ptr1;
    {
        #pragma GCC ivdep
        for(int64_t x0=static_cast<int64_t>(0L); x0<static_cast<int64_t>(2L); x0+=static_cast<int64_t>(1L))
        {
            #pragma GCC ivdep
            for(int64_t x1=static_cast<int64_t>(0L); x1<static_cast<int64_t>(8L); x1+=static_cast<int64_t>(1L))
            {
                {
                    float tmp_acc0 = 0;
                    at::vec::Vectorized<float> tmp_acc0_vec = at::vec::Vectorized<float>(0);
                    for(int64_t x2=static_cast<int64_t>(0L); x2<static_cast<int64_t>(4L); x2+=static_cast<int64_t>(1L))
                    {
                        for(int64_t x3=static_cast<int64_t>(0L); x3<static_cast<int64_t>(8L); x3+=static_cast<int64_t>(16L))
                        {
                            {
                                if(C10_LIKELY(x3 >= static_cast<int64_t>(0L) && x3 < static_cast<int64_t>(8L)))
                                {
                                    auto tmp0 = at::vec::Vectorized<float>::loadu(in_ptr0 + static_cast<int64_t>(x3 + 8L*x1 + 64L*x2 + 256L*x0), static_cast<int64_t>(8L));
                                    auto tmp1 = at::vec::Vectorized<float>::loadu(in_ptr1 + static_cast<int64_t>(x3 + 8L*x1 + 64L*x0), static_cast<int64_t>(8L));
                                    auto tmp2 = tmp0 + tmp1;
                                    tmp_acc0_vec = sum_masked_reduce(tmp_acc0_vec, tmp2, static_cast<int64_t>(8L));
                                }
                            }
                        }
                    }
                    tmp_acc0 = tmp_acc0 + at::vec::vec_reduce_all<float, 1>([](at::vec::Vectorized<float>& x, at::vec::Vectorized<float>& y) { return x + y; }, tmp_acc0_vec);
                    out_ptr0[static_cast<int64_t>(x1 + 8L*x0)] = static_cast<float>(tmp_acc0);
                }
            }
        }
    }
    {
        for(int64_t x0=static_cast<int64_t>(0L); x0<static_cast<int64_t>(16L); x0+=static_cast<int64_t>(16L))
        {
            {
                if(C10_LIKELY(x0 >= static_cast<int64_t>(0) && x0 < static_cast<int64_t>(16L)))
                {
                    auto tmp0 = at::vec::Vectorized<float>::loadu(out_ptr0 + static_cast<int64_t>(x0), static_cast<int64_t>(16));
                    auto tmp1 = static_cast<float>(32.0);
                    auto tmp2 = at::vec::Vectorized<float>(tmp1);
                    auto tmp3 = tmp0 / tmp2;
                    tmp3.store(in_out_ptr0 + static_cast<int64_t>(x0));
                }
            }
        }
    }
    {
        #pragma GCC ivdep
        for(int64_t x0=static_cast<int64_t>(0L); x0<static_cast<int64_t>(2L); x0+=static_cast<int64_t>(1L))
        {
            #pragma GCC ivdep
            for(int64_t x1=static_cast<int64_t>(0L); x1<static_cast<int64_t>(8L); x1+=static_cast<int64_t>(1L))
            {
                {
                    float tmp_acc0 = 0;
                    at::vec::Vectorized<float> tmp_acc0_vec = at::vec::Vectorized<float>(0);
                    for(int64_t x2=static_cast<int64_t>(0L); x2<static_cast<int64_t>(4L); x2+=static_cast<int64_t>(1L))
                    {
                        for(int64_t x3=static_cast<int64_t>(0L); x3<static_cast<int64_t>(8L); x3+=static_cast<int64_t>(16L))
                        {
                            {
                                if(C10_LIKELY(x3 >= static_cast<int64_t>(0L) && x3 < static_cast<int64_t>(8L)))
                                {
                                    auto tmp0 = at::vec::Vectorized<float>::loadu(in_ptr0 + static_cast<int64_t>(x3 + 8L*x1 + 64L*x2 + 256L*x0), static_cast<int64_t>(8L));
                                    auto tmp1 = at::vec::Vectorized<float>::loadu(in_ptr1 + static_cast<int64_t>(x3 + 8L*x1 + 64L*x0), static_cast<int64_t>(8L));
                                    auto tmp3 = in_out_ptr0[static_cast<int64_t>(x1 + 8L*x0)];
                                    auto tmp2 = tmp0 + tmp1;
                                    auto tmp4 = at::vec::Vectorized<float>(tmp3);
                                    auto tmp5 = tmp2 - tmp4;
                                    auto tmp6 = tmp5 * tmp5;
                                    tmp_acc0_vec = sum_masked_reduce(tmp_acc0_vec, tmp6, static_cast<int64_t>(8L));
                                }
                            }
                        }
                    }
                    tmp_acc0 = tmp_acc0 + at::vec::vec_reduce_all<float, 1>([](at::vec::Vectorized<float>& x, at::vec::Vectorized<float>& y) { return x + y; }, tmp_acc0_vec);
                    out_ptr1[static_cast<int64_t>(x1 + 8L*x0)] = static_cast<float>(tmp_acc0);
                }
                for(int64_t x2=static_cast<int64_t>(0L); x2<static_cast<int64_t>(8L); x2+=static_cast<int64_t>(16L))
                {
                    {
                        if(C10_LIKELY(x2 >= static_cast<int64_t>(0L) && x2 < static_cast<int64_t>(8L)))
                        {
                            auto tmp0 = out_ptr1[static_cast<int64_t>(x1 + 8L*x0)];
                            auto tmp6 = at::vec::Vectorized<float>::loadu(in_ptr2 + static_cast<int64_t>(x2 + 8L*x1), static_cast<int64_t>(8L));
                            auto tmp9 = in_out_ptr0[static_cast<int64_t>(x1 + 8L*x0)];
                            auto tmp13 = at::vec::Vectorized<float>::loadu(in_ptr3 + static_cast<int64_t>(x2 + 8L*x1), static_cast<int64_t>(8L));
                            auto tmp1 = static_cast<float>(32.0);
                            auto tmp2 = tmp0 / tmp1;
                            auto tmp3 = static_cast<float>(1e-05);
                            auto tmp4 = float(tmp2 + tmp3);
                            auto tmp5 = 1 / std::sqrt(tmp4);
                            auto tmp7 = at::vec::Vectorized<float>(tmp5);
                            auto tmp8 = tmp7 * tmp6;
                            auto tmp10 = decltype(tmp9)(-tmp9);
                            auto tmp11 = at::vec::Vectorized<float>(tmp10);
                            auto tmp12 = tmp11 * tmp8;
                            auto tmp14 = tmp12 + tmp13;
                            tmp8.store(out_ptr2 + static_cast<int64_t>(x2 + 8L*x1 + 64L*x0), static_cast<int64_t>(8L));
                            tmp14.store(out_ptr3 + static_cast<int64_t>(x2 + 8L*x1 + 64L*x0), static_cast<int64_t>(8L));
                        }
                    }
                }
            }
        }
    }
    {
        #pragma GCC ivdep
        for(int64_t x0=static_cast<int64_t>(0L); x0<static_cast<int64_t>(2L); x0+=static_cast<int64_t>(1L))
        {
            #pragma GCC ivdep
            for(int64_t x1=static_cast<int64_t>(0L); x1<static_cast<int64_t>(4L); x1+=static_cast<int64_t>(1L))
            {
                for(int64_t x2=static_cast<int64_t>(0L); x2<static_cast<int64_t>(64L); x2+=static_cast<int64_t>(16L))
                {
                    {
                        if(C10_LIKELY(x2 >= static_cast<int64_t>(0) && x2 < static_cast<int64_t>(64L)))
                        {
                            auto tmp0 = at::vec::Vectorized<float>::loadu(in_out_ptr1 + static_cast<int64_t>(x2 + 64L*x1 + 256L*x0), static_cast<int64_t>(16));
                            auto tmp1 = at::vec::Vectorized<float>::loadu(in_ptr1 + static_cast<int64_t>(x2 + 64L*x0), static_cast<int64_t>(16));
                            auto tmp3 = at::vec::Vectorized<float>::loadu(out_ptr2 + static_cast<int64_t>(x2 + 64L*x0), static_cast<int64_t>(16));
                            auto tmp5 = at::vec::Vectorized<float>::loadu(out_ptr3 + static_cast<int64_t>(x2 + 64L*x0), static_cast<int64_t>(16));
                            auto tmp2 = tmp0 + tmp1;
                            auto tmp4 = tmp2 * tmp3;
                            auto tmp6 = tmp4 + tmp5;
                            auto tmp7 = tmp6.neg();
                            auto tmp8 = tmp7.exp();
                            auto tmp9 = static_cast<float>(1.0);
                            auto tmp10 = at::vec::Vectorized<float>(tmp9);
                            auto tmp11 = tmp8 + tmp10;
                            auto tmp12 = tmp6 / tmp11;
                            tmp12.store(in_out_ptr1 + static_cast<int64_t>(x2 + 64L*x1 + 256L*x0));
                        }
                    }
                }
            }
        }
    }
    inductor_cpu_integer_div_error_flag = nullptr;
    inductor_cpu_throw_if_integer_div_error(inductor_cpu_integer_div_error);
}
''')


cpp_fused_add_div_native_group_norm_26 = async_compile.cpp_pybinding(['float*', 'const float*', 'const float*', 'const float*', 'const float*', 'float*', 'float*', 'float*', 'float*'], r'''
#include <torch/csrc/inductor/cpp_prefix.h>
extern "C"  void  kernel(float* in_out_ptr0,
                       const float* in_ptr0,
                       const float* in_ptr1,
                       const float* in_ptr2,
                       const float* in_ptr3,
                       float* out_ptr1,
                       float* out_ptr2,
                       float* out_ptr3,
                       float* out_ptr4)
{
    std::atomic<int> inductor_cpu_integer_div_error{0};
    inductor_cpu_integer_div_error_flag = &inductor_cpu_integer_div_error;
    auto out_ptr0 = in_out_ptr0;
    {
        #pragma GCC ivdep
        for(int64_t x0=static_cast<int64_t>(0L); x0<static_cast<int64_t>(2L); x0+=static_cast<int64_t>(1L))
        {
            #pragma GCC ivdep
            for(int64_t x1=static_cast<int64_t>(0L); x1<static_cast<int64_t>(8L); x1+=static_cast<int64_t>(1L))
            {
                {
                    float tmp_acc0 = 0;
                    at::vec::Vectorized<float> tmp_acc0_vec = at::vec::Vectorized<float>(0);
                    for(int64_t x2=static_cast<int64_t>(0L); x2<static_cast<int64_t>(4L); x2+=static_cast<int64_t>(1L))
                    {
                        for(int64_t x3=static_cast<int64_t>(0L); x3<static_cast<int64_t>(8L); x3+=static_cast<int64_t>(16L))
                        {
                            {
                                if(C10_LIKELY(x3 >= static_cast<int64_t>(0L) && x3 < static_cast<int64_t>(8L)))
                                {
                                    auto tmp0 = at::vec::Vectorized<float>::loadu(in_ptr0 + static_cast<int64_t>(x3 + 8L*x1 + 64L*x2 + 256L*x0), static_cast<int64_t>(8L));
                                    auto tmp1 = at::vec::Vectorized<float>::loadu(in_ptr1 + static_cast<int64_t>(x3 + 8L*x1 + 64L*x2 + 256L*x0), static_cast<int64_t>(8L));
                                    auto tmp2 = tmp0 + tmp1;
                                    auto tmp3 = static_cast<float>(1.0);
                                    auto tmp4 = at::vec::Vectorized<float>(tmp3);
                                    auto tmp5 = tmp2 / tmp4;
                                    tmp_acc0_vec = sum_masked_reduce(tmp_acc0_vec, tmp5, static_cast<int64_t>(8L));
                                }
                            }
                        }
                    }
                    tmp_acc0 = tmp_acc0 + at::vec::vec_reduce_all<float, 1>([](at::vec::Vectorized<float>& x, at::vec::Vectorized<float>& y) { return x + y; }, tmp_acc0_vec);
                    out_ptr0[static_cast<int64_t>(x1 + 8L*x0)] = static_cast<float>(tmp_acc0);
                }
            }
        }
    }
    {
        for(int64_t x0=static_cast<int64_t>(0L); x0<static_cast<int64_t>(16L); x0+=static_cast<int64_t>(16L))
        {
            {
                if(C10_LIKELY(x0 >= static_cast<int64_t>(0) && x0 < static_cast<int64_t>(16L)))
                {
                    auto tmp0 = at::vec::Vectorized<float>::loadu(out_ptr0 + static_cast<int64_t>(x0), static_cast<int64_t>(16));
                    auto tmp1 = static_cast<float>(32.0);
                    auto tmp2 = at::vec::Vectorized<float>(tmp1);
                    auto tmp3 = tmp0 / tmp2;
                    tmp3.store(in_out_ptr0 + static_cast<int64_t>(x0));
                }
            }
        }
    }
    {
        #pragma GCC ivdep
        for(int64_t x0=static_cast<int64_t>(0L); x0<static_cast<int64_t>(2L); x0+=static_cast<int64_t>(1L))
        {
            #pragma GCC ivdep
            for(int64_t x1=static_cast<int64_t>(0L); x1<static_cast<int64_t>(8L); x1+=static_cast<int64_t>(1L))
            {
                {
                    float tmp_acc0 = 0;
                    at::vec::Vectorized<float> tmp_acc0_vec = at::vec::Vectorized<float>(0);
                    for(int64_t x2=static_cast<int64_t>(0L); x2<static_cast<int64_t>(4L); x2+=static_cast<int64_t>(1L))
                    {
                        for(int64_t x3=static_cast<int64_t>(0L); x3<static_cast<int64_t>(8L); x3+=static_cast<int64_t>(16L))
                        {
                            {
                                if(C10_LIKELY(x3 >= static_cast<int64_t>(0L) && x3 < static_cast<int64_t>(8L)))
                                {
                                    auto tmp0 = at::vec::Vectorized<float>::loadu(in_ptr0 + static_cast<int64_t>(x3 + 8L*x1 + 64L*x2 + 256L*x0), static_cast<int64_t>(8L));
                                    auto tmp1 = at::vec::Vectorized<float>::loadu(in_ptr1 + static_cast<int64_t>(x3 + 8L*x1 + 64L*x2 + 256L*x0), static_cast<int64_t>(8L));
                                    auto tmp6 = in_out_ptr0[static_cast<int64_t>(x1 + 8L*x0)];
                                    auto tmp2 = tmp0 + tmp1;
                                    auto tmp3 = static_cast<float>(1.0);
                                    auto tmp4 = at::vec::Vectorized<float>(tmp3);
                                    auto tmp5 = tmp2 / tmp4;
                                    auto tmp7 = at::vec::Vectorized<float>(tmp6);
                                    auto tmp8 = tmp5 - tmp7;
                                    auto tmp9 = tmp8 * tmp8;
                                    tmp_acc0_vec = sum_masked_reduce(tmp_acc0_vec, tmp9, static_cast<int64_t>(8L));
                                }
                            }
                        }
                    }
                    tmp_acc0 = tmp_acc0 + at::vec::vec_reduce_all<float, 1>([](at::vec::Vectorized<float>& x, at::vec::Vectorized<float>& y) { return x + y; }, tmp_acc0_vec);
                    out_ptr1[static_cast<int64_t>(x1 + 8L*x0)] = static_cast<float>(tmp_acc0);
                }
                for(int64_t x2=static_cast<int64_t>(0L); x2<static_cast<int64_t>(8L); x2+=static_cast<int64_t>(16L))
                {
                    {
                        if(C10_LIKELY(x2 >= static_cast<int64_t>(0L) && x2 < static_cast<int64_t>(8L)))
                        {
                            auto tmp0 = out_ptr1[static_cast<int64_t>(x1 + 8L*x0)];
                            auto tmp6 = at::vec::Vectorized<float>::loadu(in_ptr2 + static_cast<int64_t>(x2 + 8L*x1), static_cast<int64_t>(8L));
                            auto tmp9 = in_out_ptr0[static_cast<int64_t>(x1 + 8L*x0)];
                            auto tmp13 = at::vec::Vectorized<float>::loadu(in_ptr3 + static_cast<int64_t>(x2 + 8L*x1), static_cast<int64_t>(8L));
                            auto tmp1 = static_cast<float>(32.0);
                            auto tmp2 = tmp0 / tmp1;
                            auto tmp3 = static_cast<float>(1e-06);
                            auto tmp4 = float(tmp2 + tmp3);
                            auto tmp5 = 1 / std::sqrt(tmp4);
                            auto tmp7 = at::vec::Vectorized<float>(tmp5);
                            auto tmp8 = tmp7 * tmp6;
                            auto tmp10 = decltype(tmp9)(-tmp9);
                            auto tmp11 = at::vec::Vectorized<float>(tmp10);
                            auto tmp12 = tmp11 * tmp8;
                            auto tmp14 = tmp12 + tmp13;
                            tmp8.store(out_ptr2 + static_cast<int64_t>(x2 + 8L*x1 + 64L*x0), static_cast<int64_t>(8L));
                            tmp14.store(out_ptr3 + static_cast<int64_t>(x2 + 8L*x1 + 64L*x0), static_cast<int64_t>(8L));
                        }
                    }
                }
            }
        }
    }
    {
        #pragma GCC ivdep
        for(int64_t x0=static_cast<int64_t>(0L); x0<static_cast<int64_t>(2L); x0+=static_cast<int64_t>(1L))
        {
            #pragma GCC ivdep
            for(int64_t x1=static_cast<int64_t>(0L); x1<static_cast<int64_t>(4L); x1+=static_cast<int64_t>(1L))
            {
                for(int64_t x2=static_cast<int64_t>(0L); x2<static_cast<int64_t>(64L); x2+=static_cast<int64_t>(16L))
                {
                    {
                        if(C10_LIKELY(x2 >= static_cast<int64_t>(0) && x2 < static_cast<int64_t>(64L)))
                        {
                            auto tmp0 = at::vec::Vectorized<float>::loadu(in_ptr0 + static_cast<int64_t>(x2 + 64L*x1 + 256L*x0), static_cast<int64_t>(16));
                            auto tmp1 = at::vec::Vectorized<float>::loadu(in_ptr1 + static_cast<int64_t>(x2 + 64L*x1 + 256L*x0), static_cast<int64_t>(16));
                            auto tmp6 = at::vec::Vectorized<float>::loadu(out_ptr2 + static_cast<int64_t>(x2 + 64L*x0), static_cast<int64_t>(16));
                            auto tmp8 = at::vec::Vectorized<float>::loadu(out_ptr3 + static_cast<int64_t>(x2 + 64L*x0), static_cast<int64_t>(16));
                            auto tmp2 = tmp0 + tmp1;
                            auto tmp3 = static_cast<float>(1.0);
                            auto tmp4 = at::vec::Vectorized<float>(tmp3);
                            auto tmp5 = tmp2 / tmp4;
                            auto tmp7 = tmp5 * tmp6;
                            auto tmp9 = tmp7 + tmp8;
                            tmp9.store(out_ptr4 + static_cast<int64_t>(x2 + 64L*x1 + 256L*x0));
                        }
                    }
                }
            }
        }
    }
    inductor_cpu_integer_div_error_flag = nullptr;
    inductor_cpu_throw_if_integer_div_error(inductor_cpu_integer_div_error);
}
''')


cpp_fused_native_layer_norm_permute_view_27 = async_compile.cpp_pybinding(['float*', 'const float*', 'const float*', 'const float*', 'float*', 'float*'], r'''
#include <torch/csrc/inductor/cpp_prefix.h>
extern "C"  void  kernel(float* in_out_ptr0,
                       const float* in_ptr0,
                       const float* in_ptr1,
                       const float* in_ptr2,
                       float* out_ptr1,
                       float* out_ptr2)
{
    std::atomic<int> inductor_cpu_integer_div_error{0};
    inductor_cpu_integer_div_error_flag = &inductor_cpu_integer_div_error;
    auto out_ptr0 = in_out_ptr0;
    {
        #pragma GCC ivdep
        for(int64_t x0=static_cast<int64_t>(0L); x0<static_cast<int64_t>(8L); x0+=static_cast<int64_t>(1L))
        {
            {
                float tmp_acc0 = 0;
                at::vec::Vectorized<float> tmp_acc0_vec = at::vec::Vectorized<float>(0);
                for(int64_t x1=static_cast<int64_t>(0L); x1<static_cast<int64_t>(64L); x1+=static_cast<int64_t>(16L))
                {
                    {
                        if(C10_LIKELY(x1 >= static_cast<int64_t>(0) && x1 < static_cast<int64_t>(64L)))
                        {
                            auto tmp0 = at::vec::Vectorized<float>::loadu(in_ptr0 + static_cast<int64_t>(x1 + 64L*x0), static_cast<int64_t>(16));
                            tmp_acc0_vec = tmp_acc0_vec + tmp0;
                        }
                    }
                }
                tmp_acc0 = tmp_acc0 + at::vec::vec_reduce_all<float, 1>([](at::vec::Vectorized<float>& x, at::vec::Vectorized<float>& y) { return x + y; }, tmp_acc0_vec);
                in_out_ptr0[static_cast<int64_t>(x0)] = static_cast<float>(tmp_acc0);
            }
        }
    }
    {
        for(int64_t x0=static_cast<int64_t>(0L); x0<static_cast<int64_t>(8L); x0+=static_cast<int64_t>(16L))
        {
            {
                if(C10_LIKELY(x0 >= static_cast<int64_t>(0L) && x0 < static_cast<int64_t>(8L)))
                {
                    auto tmp0 = at::vec::Vectorized<float>::loadu(out_ptr0 + static_cast<int64_t>(x0), static_cast<int64_t>(8L));
                    auto tmp1 = static_cast<float>(64.0);
                    auto tmp2 = at::vec::Vectorized<float>(tmp1);
                    auto tmp3 = tmp0 / tmp2;
                    tmp3.store(in_out_ptr0 + static_cast<int64_t>(x0), static_cast<int64_t>(8L));
                }
            }
        }
    }
    {
        #pragma GCC ivdep
        for(int64_t x0=static_cast<int64_t>(0L); x0<static_cast<int64_t>(8L); x0+=static_cast<int64_t>(1L))
        {
            {
                float tmp_acc0 = 0;
                at::vec::Vectorized<float> tmp_acc0_vec = at::vec::Vectorized<float>(0);
                for(int64_t x1=static_cast<int64_t>(0L); x1<static_cast<int64_t>(64L); x1+=static_cast<int64_t>(16L))
                {
                    {
                        if(C10_LIKELY(x1 >= static_cast<int64_t>(0) && x1 < static_cast<int64_t>(64L)))
                        {
                            auto tmp0 = at::vec::Vectorized<float>::loadu(in_ptr0 + static_cast<int64_t>(x1 + 64L*x0), static_cast<int64_t>(16));
                            auto tmp1 = in_out_ptr0[static_cast<int64_t>(x0)];
                            auto tmp2 = at::vec::Vectorized<float>(tmp1);
                            auto tmp3 = tmp0 - tmp2;
                            auto tmp4 = tmp3 * tmp3;
                            tmp_acc0_vec = tmp_acc0_vec + tmp4;
                        }
                    }
                }
                tmp_acc0 = tmp_acc0 + at::vec::vec_reduce_all<float, 1>([](at::vec::Vectorized<float>& x, at::vec::Vectorized<float>& y) { return x + y; }, tmp_acc0_vec);
                out_ptr1[static_cast<int64_t>(x0)] = static_cast<float>(tmp_acc0);
            }
        }
    }
    {
        #pragma GCC ivdep
        for(int64_t x0=static_cast<int64_t>(0L); x0<static_cast<int64_t>(8L); x0+=static_cast<int64_t>(1L))
        {
            for(int64_t x1=static_cast<int64_t>(0L); x1<static_cast<int64_t>(64L); x1+=static_cast<int64_t>(16L))
            {
                {
                    if(C10_LIKELY(x1 >= static_cast<int64_t>(0) && x1 < static_cast<int64_t>(64L)))
                    {
                        auto tmp0 = at::vec::Vectorized<float>::loadu(in_ptr0 + static_cast<int64_t>(x1 + 64L*x0), static_cast<int64_t>(16));
                        auto tmp1 = in_out_ptr0[static_cast<int64_t>(x0)];
                        auto tmp4 = out_ptr1[static_cast<int64_t>(x0)];
                        auto tmp12 = at::vec::Vectorized<float>::loadu(in_ptr1 + static_cast<int64_t>(x1), static_cast<int64_t>(16));
                        auto tmp14 = at::vec::Vectorized<float>::loadu(in_ptr2 + static_cast<int64_t>(x1), static_cast<int64_t>(16));
                        auto tmp2 = at::vec::Vectorized<float>(tmp1);
                        auto tmp3 = tmp0 - tmp2;
                        auto tmp5 = static_cast<float>(64.0);
                        auto tmp6 = tmp4 / tmp5;
                        auto tmp7 = static_cast<float>(1e-05);
                        auto tmp8 = float(tmp6 + tmp7);
                        auto tmp9 = 1 / std::sqrt(tmp8);
                        auto tmp10 = at::vec::Vectorized<float>(tmp9);
                        auto tmp11 = tmp3 * tmp10;
                        auto tmp13 = tmp11 * tmp12;
                        auto tmp15 = tmp13 + tmp14;
                        tmp15.store(out_ptr2 + static_cast<int64_t>(x1 + 64L*x0));
                    }
                }
            }
        }
    }
    inductor_cpu_integer_div_error_flag = nullptr;
    inductor_cpu_throw_if_integer_div_error(inductor_cpu_integer_div_error);
}
''')


cpp_fused__scaled_dot_product_flash_attention_for_cpu__unsafe_view_add_mul_transpose_view_28 = async_compile.cpp_pybinding(['float*', 'const float*', 'const float*', 'const float*', 'const float*'], r'''
#include <torch/csrc/inductor/cpp_prefix.h>
extern "C"  void  kernel(float* in_out_ptr0,
                       const float* in_ptr0,
                       const float* in_ptr1,
                       const float* in_ptr2,
                       const float* in_ptr3)
{
    std::atomic<int> inductor_cpu_integer_div_error{0};
    inductor_cpu_integer_div_error_flag = &inductor_cpu_integer_div_error;
    {
        for(int64_t x0=static_cast<int64_t>(0L); x0<static_cast<int64_t>(512L); x0+=static_cast<int64_t>(16L))
        {
            {
                if(C10_LIKELY(x0 >= static_cast<int64_t>(0) && x0 < static_cast<int64_t>(512L)))
                {
                    auto tmp0 = at::vec::Vectorized<float>::loadu(in_out_ptr0 + static_cast<int64_t>(x0), static_cast<int64_t>(16));
                    auto tmp1 = at::vec::Vectorized<float>::loadu(in_ptr0 + static_cast<int64_t>(x0), static_cast<int64_t>(16));
                    auto tmp2 = in_ptr1[static_cast<int64_t>(0L)];
                    auto tmp6 = at::vec::Vectorized<float>::loadu(in_ptr2 + static_cast<int64_t>(x0), static_cast<int64_t>(16));
                    auto tmp7 = in_ptr3[static_cast<int64_t>(0L)];
                    auto tmp3 = at::vec::Vectorized<float>(tmp2);
                    auto tmp4 = tmp1 * tmp3;
                    auto tmp5 = tmp0 + tmp4;
                    auto tmp8 = at::vec::Vectorized<float>(tmp7);
                    auto tmp9 = tmp6 * tmp8;
                    auto tmp10 = tmp5 + tmp9;
                    tmp10.store(in_out_ptr0 + static_cast<int64_t>(x0));
                }
            }
        }
    }
    inductor_cpu_integer_div_error_flag = nullptr;
    inductor_cpu_throw_if_integer_div_error(inductor_cpu_integer_div_error);
}
''')


cpp_fused__unsafe_view_add_div_mul_native_layer_norm_permute_view_29 = async_compile.cpp_pybinding(['float*', 'float*', 'const float*', 'const float*', 'const float*', 'const float*', 'const float*', 'const float*', 'const float*', 'float*', 'float*'], r'''
#include <torch/csrc/inductor/cpp_prefix.h>
extern "C"  void  kernel(float* in_out_ptr0,
                       float* in_out_ptr1,
                       const float* in_ptr0,
                       const float* in_ptr1,
                       const float* in_ptr2,
                       const float* in_ptr3,
                       const float* in_ptr4,
                       const float* in_ptr5,
                       const float* in_ptr6,
                       float* out_ptr1,
                       float* out_ptr2)
{
    std::atomic<int> inductor_cpu_integer_div_error{0};
    inductor_cpu_integer_div_error_flag = &inductor_cpu_integer_div_error;
    auto out_ptr0 = in_out_ptr1;
    {
        for(int64_t x0=static_cast<int64_t>(0L); x0<static_cast<int64_t>(512L); x0+=static_cast<int64_t>(16L))
        {
            {
                if(C10_LIKELY(x0 >= static_cast<int64_t>(0) && x0 < static_cast<int64_t>(512L)))
                {
                    auto tmp0 = at::vec::Vectorized<float>::loadu(in_out_ptr0 + static_cast<int64_t>(x0), static_cast<int64_t>(16));
                    auto tmp1 = at::vec::Vectorized<float>::loadu(in_ptr0 + static_cast<int64_t>(x0), static_cast<int64_t>(16));
                    auto tmp2 = in_ptr1[static_cast<int64_t>(0L)];
                    auto tmp6 = at::vec::Vectorized<float>::loadu(in_ptr2 + static_cast<int64_t>(x0), static_cast<int64_t>(16));
                    auto tmp7 = in_ptr3[static_cast<int64_t>(0L)];
                    auto tmp14 = at::vec::Vectorized<float>::loadu(in_ptr4 + static_cast<int64_t>(x0), static_cast<int64_t>(16));
                    auto tmp3 = at::vec::Vectorized<float>(tmp2);
                    auto tmp4 = tmp1 * tmp3;
                    auto tmp5 = tmp0 + tmp4;
                    auto tmp8 = at::vec::Vectorized<float>(tmp7);
                    auto tmp9 = tmp6 * tmp8;
                    auto tmp10 = tmp5 + tmp9;
                    auto tmp11 = static_cast<float>(1.0);
                    auto tmp12 = at::vec::Vectorized<float>(tmp11);
                    auto tmp13 = tmp10 / tmp12;
                    auto tmp15 = tmp13 + tmp14;
                    tmp15.store(in_out_ptr0 + static_cast<int64_t>(x0));
                }
            }
        }
    }
    {
        #pragma GCC ivdep
        for(int64_t x0=static_cast<int64_t>(0L); x0<static_cast<int64_t>(8L); x0+=static_cast<int64_t>(1L))
        {
            {
                float tmp_acc0 = 0;
                at::vec::Vectorized<float> tmp_acc0_vec = at::vec::Vectorized<float>(0);
                for(int64_t x1=static_cast<int64_t>(0L); x1<static_cast<int64_t>(64L); x1+=static_cast<int64_t>(16L))
                {
                    {
                        if(C10_LIKELY(x1 >= static_cast<int64_t>(0) && x1 < static_cast<int64_t>(64L)))
                        {
                            auto tmp0 = at::vec::Vectorized<float>::loadu(in_out_ptr0 + static_cast<int64_t>(x1 + 64L*x0), static_cast<int64_t>(16));
                            tmp_acc0_vec = tmp_acc0_vec + tmp0;
                        }
                    }
                }
                tmp_acc0 = tmp_acc0 + at::vec::vec_reduce_all<float, 1>([](at::vec::Vectorized<float>& x, at::vec::Vectorized<float>& y) { return x + y; }, tmp_acc0_vec);
                in_out_ptr1[static_cast<int64_t>(x0)] = static_cast<float>(tmp_acc0);
            }
        }
    }
    {
        for(int64_t x0=static_cast<int64_t>(0L); x0<static_cast<int64_t>(8L); x0+=static_cast<int64_t>(16L))
        {
            {
                if(C10_LIKELY(x0 >= static_cast<int64_t>(0L) && x0 < static_cast<int64_t>(8L)))
                {
                    auto tmp0 = at::vec::Vectorized<float>::loadu(out_ptr0 + static_cast<int64_t>(x0), static_cast<int64_t>(8L));
                    auto tmp1 = static_cast<float>(64.0);
                    auto tmp2 = at::vec::Vectorized<float>(tmp1);
                    auto tmp3 = tmp0 / tmp2;
                    tmp3.store(in_out_ptr1 + static_cast<int64_t>(x0), static_cast<int64_t>(8L));
                }
            }
        }
    }
    {
        #pragma GCC ivdep
        for(int64_t x0=static_cast<int64_t>(0L); x0<static_cast<int64_t>(8L); x0+=static_cast<int64_t>(1L))
        {
            {
                float tmp_acc0 = 0;
                at::vec::Vectorized<float> tmp_acc0_vec = at::vec::Vectorized<float>(0);
                for(int64_t x1=static_cast<int64_t>(0L); x1<static_cast<int64_t>(64L); x1+=static_cast<int64_t>(16L))
                {
                    {
                        if(C10_LIKELY(x1 >= static_cast<int64_t>(0) && x1 < static_cast<int64_t>(64L)))
                        {
                            auto tmp0 = at::vec::Vectorized<float>::loadu(in_out_ptr0 + static_cast<int64_t>(x1 + 64L*x0), static_cast<int64_t>(16));
                            auto tmp1 = in_out_ptr1[static_cast<int64_t>(x0)];
                            auto tmp2 = at::vec::Vectorized<float>(tmp1);
                            auto tmp3 = tmp0 - tmp2;
                            auto tmp4 = tmp3 * tmp3;
                            tmp_acc0_vec = tmp_acc0_vec + tmp4;
                        }
                    }
                }
                tmp_acc0 = tmp_acc0 + at::vec::vec_reduce_all<float, 1>([](at::vec::Vectorized<float>& x, at::vec::Vectorized<float>& y) { return x + y; }, tmp_acc0_vec);
                out_ptr1[static_cast<int64_t>(x0)] = static_cast<float>(tmp_acc0);
            }
        }
    }
    {
        #pragma GCC ivdep
        for(int64_t x0=static_cast<int64_t>(0L); x0<static_cast<int64_t>(8L); x0+=static_cast<int64_t>(1L))
        {
            for(int64_t x1=static_cast<int64_t>(0L); x1<static_cast<int64_t>(64L); x1+=static_cast<int64_t>(16L))
            {
                {
                    if(C10_LIKELY(x1 >= static_cast<int64_t>(0) && x1 < static_cast<int64_t>(64L)))
                    {
                        auto tmp0 = at::vec::Vectorized<float>::loadu(in_out_ptr0 + static_cast<int64_t>(x1 + 64L*x0), static_cast<int64_t>(16));
                        auto tmp1 = in_out_ptr1[static_cast<int64_t>(x0)];
                        auto tmp4 = out_ptr1[static_cast<int64_t>(x0)];
                        auto tmp12 = at::vec::Vectorized<float>::loadu(in_ptr5 + static_cast<int64_t>(x1), static_cast<int64_t>(16));
                        auto tmp14 = at::vec::Vectorized<float>::loadu(in_ptr6 + static_cast<int64_t>(x1), static_cast<int64_t>(16));
                        auto tmp2 = at::vec::Vectorized<float>(tmp1);
                        auto tmp3 = tmp0 - tmp2;
                        auto tmp5 = static_cast<float>(64.0);
                        auto tmp6 = tmp4 / tmp5;
                        auto tmp7 = static_cast<float>(1e-05);
                        auto tmp8 = float(tmp6 + tmp7);
                        auto tmp9 = 1 / std::sqrt(tmp8);
                        auto tmp10 = at::vec::Vectorized<float>(tmp9);
                        auto tmp11 = tmp3 * tmp10;
                        auto tmp13 = tmp11 * tmp12;
                        auto tmp15 = tmp13 + tmp14;
                        tmp15.store(out_ptr2 + static_cast<int64_t>(x1 + 64L*x0));
                    }
                }
            }
        }
    }
    inductor_cpu_integer_div_error_flag = nullptr;
    inductor_cpu_throw_if_integer_div_error(inductor_cpu_integer_div_error);
}
''')


cpp_fused_gelu_mul_split_view_30 = async_compile.cpp_pybinding(['const float*', 'float*'], r'''
#include <torch/csrc/inductor/cpp_prefix.h>
extern "C"  void  kernel(const float* in_ptr0,
                       float* out_ptr0)
{
    std::atomic<int> inductor_cpu_integer_div_error{0};
    inductor_cpu_integer_div_error_flag = &inductor_cpu_integer_div_error;
    {
        #pragma GCC ivdep
        for(int64_t x0=static_cast<int64_t>(0L); x0<static_cast<int64_t>(8L); x0+=static_cast<int64_t>(1L))
        {
            for(int64_t x1=static_cast<int64_t>(0L); x1<static_cast<int64_t>(256L); x1+=static_cast<int64_t>(16L))
            {
                {
                    if(C10_LIKELY(x1 >= static_cast<int64_t>(0) && x1 < static_cast<int64_t>(256L)))
                    {
                        auto tmp0 = at::vec::Vectorized<float>::loadu(in_ptr0 + static_cast<int64_t>(x1 + 512L*x0), static_cast<int64_t>(16));
                        auto tmp1 = at::vec::Vectorized<float>::loadu(in_ptr0 + static_cast<int64_t>(256L + x1 + 512L*x0), static_cast<int64_t>(16));
                        auto tmp2 = static_cast<float>(0.5);
                        auto tmp3 = at::vec::Vectorized<float>(tmp2);
                        auto tmp4 = tmp1 * tmp3;
                        auto tmp5 = static_cast<float>(0.7071067811865476);
                        auto tmp6 = at::vec::Vectorized<float>(tmp5);
                        auto tmp7 = tmp1 * tmp6;
                        auto tmp8 = tmp7.erf();
                        auto tmp9 = static_cast<float>(1.0);
                        auto tmp10 = at::vec::Vectorized<float>(tmp9);
                        auto tmp11 = tmp8 + tmp10;
                        auto tmp12 = tmp4 * tmp11;
                        auto tmp13 = tmp0 * tmp12;
                        tmp13.store(out_ptr0 + static_cast<int64_t>(x1 + 256L*x0));
                    }
                }
            }
        }
    }
    inductor_cpu_integer_div_error_flag = nullptr;
    inductor_cpu_throw_if_integer_div_error(inductor_cpu_integer_div_error);
}
''')


cpp_fused_add_clone_permute_view_31 = async_compile.cpp_pybinding(['float*', 'const float*'], r'''
#include <torch/csrc/inductor/cpp_prefix.h>
extern "C"  void  kernel(float* in_out_ptr0,
                       const float* in_ptr0)
{
    std::atomic<int> inductor_cpu_integer_div_error{0};
    inductor_cpu_integer_div_error_flag = &inductor_cpu_integer_div_error;
    {
        for(int64_t x0=static_cast<int64_t>(0L); x0<static_cast<int64_t>(512L); x0+=static_cast<int64_t>(16L))
        {
            {
                if(C10_LIKELY(x0 >= static_cast<int64_t>(0) && x0 < static_cast<int64_t>(512L)))
                {
                    auto tmp0 = at::vec::Vectorized<float>::loadu(in_out_ptr0 + static_cast<int64_t>(x0), static_cast<int64_t>(16));
                    auto tmp1 = at::vec::Vectorized<float>::loadu(in_ptr0 + static_cast<int64_t>(x0), static_cast<int64_t>(16));
                    auto tmp2 = tmp0 + tmp1;
                    tmp2.store(in_out_ptr0 + static_cast<int64_t>(x0));
                }
            }
        }
    }
    inductor_cpu_integer_div_error_flag = nullptr;
    inductor_cpu_throw_if_integer_div_error(inductor_cpu_integer_div_error);
}
''')


cpp_fused_add_cat_div_32 = async_compile.cpp_pybinding(['float*', 'const float*', 'const float*', 'float*'], r'''
#include <torch/csrc/inductor/cpp_prefix.h>
extern "C"  void  kernel(float* in_out_ptr0,
                       const float* in_ptr0,
                       const float* in_ptr1,
                       float* out_ptr0)
{
    std::atomic<int> inductor_cpu_integer_div_error{0};
    inductor_cpu_integer_div_error_flag = &inductor_cpu_integer_div_error;
    {
        #pragma GCC ivdep
        for(int64_t x0=static_cast<int64_t>(0L); x0<static_cast<int64_t>(8L); x0+=static_cast<int64_t>(1L))
        {
            for(int64_t x1=static_cast<int64_t>(0L); x1<static_cast<int64_t>(64L); x1+=static_cast<int64_t>(16L))
            {
                {
                    if(C10_LIKELY(x1 >= static_cast<int64_t>(0) && x1 < static_cast<int64_t>(64L)))
                    {
                        auto tmp0 = at::vec::Vectorized<float>::loadu(in_out_ptr0 + static_cast<int64_t>(x1 + 64L*x0), static_cast<int64_t>(16));
                        auto tmp1 = at::vec::Vectorized<float>::loadu(in_ptr0 + static_cast<int64_t>(x1 + 64L*x0), static_cast<int64_t>(16));
                        auto tmp2 = at::vec::Vectorized<float>::loadu(in_ptr1 + static_cast<int64_t>(x1 + 64L*x0), static_cast<int64_t>(16));
                        auto tmp3 = tmp1 + tmp2;
                        auto tmp4 = static_cast<float>(1.0);
                        auto tmp5 = at::vec::Vectorized<float>(tmp4);
                        auto tmp6 = tmp3 / tmp5;
                        auto tmp7 = tmp0 + tmp6;
                        tmp7.store(in_out_ptr0 + static_cast<int64_t>(x1 + 64L*x0));
                        tmp7.store(out_ptr0 + static_cast<int64_t>(x1 + 128L*x0));
                    }
                }
            }
        }
    }
    inductor_cpu_integer_div_error_flag = nullptr;
    inductor_cpu_throw_if_integer_div_error(inductor_cpu_integer_div_error);
}
''')


cpp_fused_native_group_norm_silu_33 = async_compile.cpp_pybinding(['float*', 'float*', 'const float*', 'const float*', 'const float*', 'float*', 'float*'], r'''
#include <torch/csrc/inductor/cpp_prefix.h>
extern "C"  void  kernel(float* in_out_ptr0,
                       float* in_out_ptr1,
                       const float* in_ptr0,
                       const float* in_ptr1,
                       const float* in_ptr2,
                       float* out_ptr1,
                       float* out_ptr3)
{
    std::atomic<int> inductor_cpu_integer_div_error{0};
    inductor_cpu_integer_div_error_flag = &inductor_cpu_integer_div_error;
    auto out_ptr0 = in_out_ptr0;
    auto out_ptr2 = in_out_ptr1;
    {
        #pragma GCC ivdep
        for(int64_t x0=static_cast<int64_t>(0L); x0<static_cast<int64_t>(16L); x0+=static_cast<int64_t>(1L))
        {
            {
                float tmp_acc0 = 0;
                at::vec::Vectorized<float> tmp_acc0_vec = at::vec::Vectorized<float>(0);
                for(int64_t x1=static_cast<int64_t>(0L); x1<static_cast<int64_t>(8L); x1+=static_cast<int64_t>(16L))
                {
                    {
                        if(C10_LIKELY(x1 >= static_cast<int64_t>(0L) && x1 < static_cast<int64_t>(8L)))
                        {
                            auto tmp0 = at::vec::Vectorized<float>::loadu(in_ptr0 + static_cast<int64_t>(x1 + 8L*x0), static_cast<int64_t>(8L));
                            tmp_acc0_vec = sum_masked_reduce(tmp_acc0_vec, tmp0, static_cast<int64_t>(8L));
                        }
                    }
                }
                tmp_acc0 = tmp_acc0 + at::vec::vec_reduce_all<float, 1>([](at::vec::Vectorized<float>& x, at::vec::Vectorized<float>& y) { return x + y; }, tmp_acc0_vec);
                in_out_ptr0[static_cast<int64_t>(x0)] = static_cast<float>(tmp_acc0);
            }
        }
    }
    {
        for(int64_t x0=static_cast<int64_t>(0L); x0<static_cast<int64_t>(16L); x0+=static_cast<int64_t>(16L))
        {
            {
                if(C10_LIKELY(x0 >= static_cast<int64_t>(0) && x0 < static_cast<int64_t>(16L)))
                {
                    auto tmp0 = at::vec::Vectorized<float>::loadu(out_ptr0 + static_cast<int64_t>(x0), static_cast<int64_t>(16));
                    auto tmp1 = static_cast<float>(8.0);
                    auto tmp2 = at::vec::Vectorized<float>(tmp1);
                    auto tmp3 = tmp0 / tmp2;
                    tmp3.store(in_out_ptr0 + static_cast<int64_t>(x0));
                }
            }
        }
    }
    {
        #pragma GCC ivdep
        for(int64_t x0=static_cast<int64_t>(0L); x0<static_cast<int64_t>(16L); x0+=static_cast<int64_t>(1L))
        {
            {
                float tmp_acc0 = 0;
                at::vec::Vectorized<float> tmp_acc0_vec = at::vec::Vectorized<float>(0);
                for(int64_t x1=static_cast<int64_t>(0L); x1<static_cast<int64_t>(8L); x1+=static_cast<int64_t>(16L))
                {
                    {
                        if(C10_LIKELY(x1 >= static_cast<int64_t>(0L) && x1 < static_cast<int64_t>(8L)))
                        {
                            auto tmp0 = at::vec::Vectorized<float>::loadu(in_ptr0 + static_cast<int64_t>(x1 + 8L*x0), static_cast<int64_t>(8L));
                            auto tmp1 = in_out_ptr0[static_cast<int64_t>(x0)];
                            auto tmp2 = at::vec::Vectorized<float>(tmp1);
                            auto tmp3 = tmp0 - tmp2;
                            auto tmp4 = tmp3 * tmp3;
                            tmp_acc0_vec = sum_masked_reduce(tmp_acc0_vec, tmp4, static_cast<int64_t>(8L));
                        }
                    }
                }
                tmp_acc0 = tmp_acc0 + at::vec::vec_reduce_all<float, 1>([](at::vec::Vectorized<float>& x, at::vec::Vectorized<float>& y) { return x + y; }, tmp_acc0_vec);
                out_ptr1[static_cast<int64_t>(x0)] = static_cast<float>(tmp_acc0);
            }
        }
    }
    {
        #pragma GCC ivdep
        for(int64_t x0=static_cast<int64_t>(0L); x0<static_cast<int64_t>(2L); x0+=static_cast<int64_t>(1L))
        {
            #pragma GCC ivdep
            for(int64_t x1=static_cast<int64_t>(0L); x1<static_cast<int64_t>(8L); x1+=static_cast<int64_t>(1L))
            {
                for(int64_t x2=static_cast<int64_t>(0L); x2<static_cast<int64_t>(8L); x2+=static_cast<int64_t>(16L))
                {
                    {
                        if(C10_LIKELY(x2 >= static_cast<int64_t>(0L) && x2 < static_cast<int64_t>(8L)))
                        {
                            auto tmp0 = out_ptr1[static_cast<int64_t>(x1 + 8L*x0)];
                            auto tmp6 = at::vec::Vectorized<float>::loadu(in_ptr1 + static_cast<int64_t>(x2 + 8L*x1), static_cast<int64_t>(8L));
                            auto tmp9 = in_out_ptr0[static_cast<int64_t>(x1 + 8L*x0)];
                            auto tmp13 = at::vec::Vectorized<float>::loadu(in_ptr2 + static_cast<int64_t>(x2 + 8L*x1), static_cast<int64_t>(8L));
                            auto tmp1 = static_cast<float>(8.0);
                            auto tmp2 = tmp0 / tmp1;
                            auto tmp3 = static_cast<float>(1e-05);
                            auto tmp4 = float(tmp2 + tmp3);
                            auto tmp5 = 1 / std::sqrt(tmp4);
                            auto tmp7 = at::vec::Vectorized<float>(tmp5);
                            auto tmp8 = tmp7 * tmp6;
                            auto tmp10 = decltype(tmp9)(-tmp9);
                            auto tmp11 = at::vec::Vectorized<float>(tmp10);
                            auto tmp12 = tmp11 * tmp8;
                            auto tmp14 = tmp12 + tmp13;
                            tmp8.store(out_ptr2 + static_cast<int64_t>(x2 + 8L*x1 + 64L*x0), static_cast<int64_t>(8L));
                            tmp14.store(out_ptr3 + static_cast<int64_t>(x2 + 8L*x1 + 64L*x0), static_cast<int64_t>(8L));
                        }
                    }
                }
            }
        }
    }
    {
        for(int64_t x0=static_cast<int64_t>(0L); x0<static_cast<int64_t>(128L); x0+=static_cast<int64_t>(16L))
        {
            {
                if(C10_LIKELY(x0 >= static_cast<int64_t>(0) && x0 < static_cast<int64_t>(128L)))
                {
                    auto tmp0 = at::vec::Vectorized<float>::loadu(in_ptr0 + static_cast<int64_t>(x0), static_cast<int64_t>(16));
                    auto tmp1 = at::vec::Vectorized<float>::loadu(out_ptr2 + static_cast<int64_t>(x0), static_cast<int64_t>(16));
                    auto tmp3 = at::vec::Vectorized<float>::loadu(out_ptr3 + static_cast<int64_t>(x0), static_cast<int64_t>(16));
                    auto tmp2 = tmp0 * tmp1;
                    auto tmp4 = tmp2 + tmp3;
                    auto tmp5 = tmp4.neg();
                    auto tmp6 = tmp5.exp();
                    auto tmp7 = static_cast<float>(1.0);
                    auto tmp8 = at::vec::Vectorized<float>(tmp7);
                    auto tmp9 = tmp6 + tmp8;
                    auto tmp10 = tmp4 / tmp9;
                    tmp10.store(in_out_ptr1 + static_cast<int64_t>(x0));
                }
            }
        }
    }
    inductor_cpu_integer_div_error_flag = nullptr;
    inductor_cpu_throw_if_integer_div_error(inductor_cpu_integer_div_error);
}
''')


cpp_fused_silu_34 = async_compile.cpp_pybinding(['const float*', 'float*', 'float*'], r'''
#include <torch/csrc/inductor/cpp_prefix.h>
extern "C"  void  kernel(const float* in_ptr0,
                       float* out_ptr0,
                       float* out_ptr1)
{
    std::atomic<int> inductor_cpu_integer_div_error{0};
    inductor_cpu_integer_div_error_flag = &inductor_cpu_integer_div_error;
    {
        for(int64_t x0=static_cast<int64_t>(0L); x0<static_cast<int64_t>(256L); x0+=static_cast<int64_t>(16L))
        {
            {
                if(C10_LIKELY(x0 >= static_cast<int64_t>(0) && x0 < static_cast<int64_t>(256L)))
                {
                    auto tmp0 = at::vec::Vectorized<float>::loadu(in_ptr0 + static_cast<int64_t>(x0), static_cast<int64_t>(16));
                    auto tmp1 = tmp0.neg();
                    auto tmp2 = tmp1.exp();
                    auto tmp3 = static_cast<float>(1.0);
                    auto tmp4 = at::vec::Vectorized<float>(tmp3);
                    auto tmp5 = tmp2 + tmp4;
                    auto tmp6 = tmp0 / tmp5;
                    tmp6.store(out_ptr0 + static_cast<int64_t>(x0));
                    tmp6.store(out_ptr1 + static_cast<int64_t>(x0));
                }
            }
        }
    }
    inductor_cpu_integer_div_error_flag = nullptr;
    inductor_cpu_throw_if_integer_div_error(inductor_cpu_integer_div_error);
}
''')


cpp_fused_add_native_group_norm_silu_unsqueeze_35 = async_compile.cpp_pybinding(['float*', 'float*', 'const float*', 'const float*', 'const float*', 'float*', 'float*', 'float*'], r'''
#include <torch/csrc/inductor/cpp_prefix.h>
extern "C"  void  kernel(float* in_out_ptr0,
                       float* in_out_ptr1,
                       const float* in_ptr1,
                       const float* in_ptr2,
                       const float* in_ptr3,
                       float* out_ptr1,
                       float* out_ptr2,
                       float* out_ptr3)
{
    std::atomic<int> inductor_cpu_integer_div_error{0};
    inductor_cpu_integer_div_error_flag = &inductor_cpu_integer_div_error;
    auto out_ptr0 = in_out_ptr0;
    auto in_ptr0 = in_out_ptr1;
    {
        #pragma GCC ivdep
        for(int64_t x0=static_cast<int64_t>(0L); x0<static_cast<int64_t>(16L); x0+=static_cast<int64_t>(1L))
        {
            {
                float tmp_acc0 = 0;
                at::vec::Vectorized<float> tmp_acc0_vec = at::vec::Vectorized<float>(0);
                for(int64_t x1=static_cast<int64_t>(0L); x1<static_cast<int64_t>(8L); x1+=static_cast<int64_t>(16L))
                {
                    {
                        if(C10_LIKELY(x1 >= static_cast<int64_t>(0L) && x1 < static_cast<int64_t>(8L)))
                        {
                            auto tmp0 = at::vec::Vectorized<float>::loadu(in_ptr0 + static_cast<int64_t>(x1 + 8L*x0), static_cast<int64_t>(8L));
                            auto tmp1 = at::vec::Vectorized<float>::loadu(in_ptr1 + static_cast<int64_t>(x1 + 8L*x0), static_cast<int64_t>(8L));
                            auto tmp2 = tmp0 + tmp1;
                            tmp_acc0_vec = sum_masked_reduce(tmp_acc0_vec, tmp2, static_cast<int64_t>(8L));
                        }
                    }
                }
                tmp_acc0 = tmp_acc0 + at::vec::vec_reduce_all<float, 1>([](at::vec::Vectorized<float>& x, at::vec::Vectorized<float>& y) { return x + y; }, tmp_acc0_vec);
                in_out_ptr0[static_cast<int64_t>(x0)] = static_cast<float>(tmp_acc0);
            }
        }
    }
    {
        for(int64_t x0=static_cast<int64_t>(0L); x0<static_cast<int64_t>(16L); x0+=static_cast<int64_t>(16L))
        {
            {
                if(C10_LIKELY(x0 >= static_cast<int64_t>(0) && x0 < static_cast<int64_t>(16L)))
                {
                    auto tmp0 = at::vec::Vectorized<float>::loadu(out_ptr0 + static_cast<int64_t>(x0), static_cast<int64_t>(16));
                    auto tmp1 = static_cast<float>(8.0);
                    auto tmp2 = at::vec::Vectorized<float>(tmp1);
                    auto tmp3 = tmp0 / tmp2;
                    tmp3.store(in_out_ptr0 + static_cast<int64_t>(x0));
                }
            }
        }
    }
    {
        #pragma GCC ivdep
        for(int64_t x0=static_cast<int64_t>(0L); x0<static_cast<int64_t>(16L); x0+=static_cast<int64_t>(1L))
        {
            {
                float tmp_acc0 = 0;
                at::vec::Vectorized<float> tmp_acc0_vec = at::vec::Vectorized<float>(0);
                for(int64_t x1=static_cast<int64_t>(0L); x1<static_cast<int64_t>(8L); x1+=static_cast<int64_t>(16L))
                {
                    {
                        if(C10_LIKELY(x1 >= static_cast<int64_t>(0L) && x1 < static_cast<int64_t>(8L)))
                        {
                            auto tmp0 = at::vec::Vectorized<float>::loadu(in_ptr0 + static_cast<int64_t>(x1 + 8L*x0), static_cast<int64_t>(8L));
                            auto tmp1 = at::vec::Vectorized<float>::loadu(in_ptr1 + static_cast<int64_t>(x1 + 8L*x0), static_cast<int64_t>(8L));
                            auto tmp3 = in_out_ptr0[static_cast<int64_t>(x0)];
                            auto tmp2 = tmp0 + tmp1;
                            auto tmp4 = at::vec::Vectorized<float>(tmp3);
                            auto tmp5 = tmp2 - tmp4;
                            auto tmp6 = tmp5 * tmp5;
                            tmp_acc0_vec = sum_masked_reduce(tmp_acc0_vec, tmp6, static_cast<int64_t>(8L));
                        }
                    }
                }
                tmp_acc0 = tmp_acc0 + at::vec::vec_reduce_all<float, 1>([](at::vec::Vectorized<float>& x, at::vec::Vectorized<float>& y) { return x + y; }, tmp_acc0_vec);
                out_ptr1[static_cast<int64_t>(x0)] = static_cast<float>(tmp_acc0);
            }
        }
    }
    {
        #pragma GCC ivdep
        for(int64_t x0=static_cast<int64_t>(0L); x0<static_cast<int64_t>(2L); x0+=static_cast<int64_t>(1L))
        {
            #pragma GCC ivdep
            for(int64_t x1=static_cast<int64_t>(0L); x1<static_cast<int64_t>(8L); x1+=static_cast<int64_t>(1L))
            {
                for(int64_t x2=static_cast<int64_t>(0L); x2<static_cast<int64_t>(8L); x2+=static_cast<int64_t>(16L))
                {
                    {
                        if(C10_LIKELY(x2 >= static_cast<int64_t>(0L) && x2 < static_cast<int64_t>(8L)))
                        {
                            auto tmp0 = out_ptr1[static_cast<int64_t>(x1 + 8L*x0)];
                            auto tmp6 = at::vec::Vectorized<float>::loadu(in_ptr2 + static_cast<int64_t>(x2 + 8L*x1), static_cast<int64_t>(8L));
                            auto tmp9 = in_out_ptr0[static_cast<int64_t>(x1 + 8L*x0)];
                            auto tmp13 = at::vec::Vectorized<float>::loadu(in_ptr3 + static_cast<int64_t>(x2 + 8L*x1), static_cast<int64_t>(8L));
                            auto tmp1 = static_cast<float>(8.0);
                            auto tmp2 = tmp0 / tmp1;
                            auto tmp3 = static_cast<float>(1e-05);
                            auto tmp4 = float(tmp2 + tmp3);
                            auto tmp5 = 1 / std::sqrt(tmp4);
                            auto tmp7 = at::vec::Vectorized<float>(tmp5);
                            auto tmp8 = tmp7 * tmp6;
                            auto tmp10 = decltype(tmp9)(-tmp9);
                            auto tmp11 = at::vec::Vectorized<float>(tmp10);
                            auto tmp12 = tmp11 * tmp8;
                            auto tmp14 = tmp12 + tmp13;
                            tmp8.store(out_ptr2 + static_cast<int64_t>(x2 + 8L*x1 + 64L*x0), static_cast<int64_t>(8L));
                            tmp14.store(out_ptr3 + static_cast<int64_t>(x2 + 8L*x1 + 64L*x0), static_cast<int64_t>(8L));
                        }
                    }
                }
            }
        }
    }
    {
        for(int64_t x0=static_cast<int64_t>(0L); x0<static_cast<int64_t>(128L); x0+=static_cast<int64_t>(16L))
        {
            {
                if(C10_LIKELY(x0 >= static_cast<int64_t>(0) && x0 < static_cast<int64_t>(128L)))
                {
                    auto tmp0 = at::vec::Vectorized<float>::loadu(in_out_ptr1 + static_cast<int64_t>(x0), static_cast<int64_t>(16));
                    auto tmp1 = at::vec::Vectorized<float>::loadu(in_ptr1 + static_cast<int64_t>(x0), static_cast<int64_t>(16));
                    auto tmp3 = at::vec::Vectorized<float>::loadu(out_ptr2 + static_cast<int64_t>(x0), static_cast<int64_t>(16));
                    auto tmp5 = at::vec::Vectorized<float>::loadu(out_ptr3 + static_cast<int64_t>(x0), static_cast<int64_t>(16));
                    auto tmp2 = tmp0 + tmp1;
                    auto tmp4 = tmp2 * tmp3;
                    auto tmp6 = tmp4 + tmp5;
                    auto tmp7 = tmp6.neg();
                    auto tmp8 = tmp7.exp();
                    auto tmp9 = static_cast<float>(1.0);
                    auto tmp10 = at::vec::Vectorized<float>(tmp9);
                    auto tmp11 = tmp8 + tmp10;
                    auto tmp12 = tmp6 / tmp11;
                    tmp12.store(in_out_ptr1 + static_cast<int64_t>(x0));
                }
            }
        }
    }
    inductor_cpu_integer_div_error_flag = nullptr;
    inductor_cpu_throw_if_integer_div_error(inductor_cpu_integer_div_error);
}
''')


cpp_fused_add_div_native_group_norm_silu_36 = async_compile.cpp_pybinding(['float*', 'float*', 'const float*', 'const float*', 'const float*', 'const float*', 'float*', 'float*'], r'''
#include <torch/csrc/inductor/cpp_prefix.h>
extern "C"  void  kernel(float* in_out_ptr0,
                       float* in_out_ptr1,
                       const float* in_ptr0,
                       const float* in_ptr1,
                       const float* in_ptr2,
                       const float* in_ptr3,
                       float* out_ptr1,
                       float* out_ptr3)
{
    std::atomic<int> inductor_cpu_integer_div_error{0};
    inductor_cpu_integer_div_error_flag = &inductor_cpu_integer_div_error;
    auto out_ptr0 = in_out_ptr0;
    auto out_ptr2 = in_out_ptr1;
    {
        #pragma GCC ivdep
        for(int64_t x0=static_cast<int64_t>(0L); x0<static_cast<int64_t>(16L); x0+=static_cast<int64_t>(1L))
        {
            {
                float tmp_acc0 = 0;
                at::vec::Vectorized<float> tmp_acc0_vec = at::vec::Vectorized<float>(0);
                for(int64_t x1=static_cast<int64_t>(0L); x1<static_cast<int64_t>(8L); x1+=static_cast<int64_t>(16L))
                {
                    {
                        if(C10_LIKELY(x1 >= static_cast<int64_t>(0L) && x1 < static_cast<int64_t>(8L)))
                        {
                            auto tmp0 = at::vec::Vectorized<float>::loadu(in_ptr0 + static_cast<int64_t>(x1 + 8L*x0), static_cast<int64_t>(8L));
                            auto tmp1 = at::vec::Vectorized<float>::loadu(in_ptr1 + static_cast<int64_t>(x1 + 8L*x0), static_cast<int64_t>(8L));
                            auto tmp2 = tmp0 + tmp1;
                            auto tmp3 = static_cast<float>(1.0);
                            auto tmp4 = at::vec::Vectorized<float>(tmp3);
                            auto tmp5 = tmp2 / tmp4;
                            tmp_acc0_vec = sum_masked_reduce(tmp_acc0_vec, tmp5, static_cast<int64_t>(8L));
                        }
                    }
                }
                tmp_acc0 = tmp_acc0 + at::vec::vec_reduce_all<float, 1>([](at::vec::Vectorized<float>& x, at::vec::Vectorized<float>& y) { return x + y; }, tmp_acc0_vec);
                in_out_ptr0[static_cast<int64_t>(x0)] = static_cast<float>(tmp_acc0);
            }
        }
    }
    {
        for(int64_t x0=static_cast<int64_t>(0L); x0<static_cast<int64_t>(16L); x0+=static_cast<int64_t>(16L))
        {
            {
                if(C10_LIKELY(x0 >= static_cast<int64_t>(0) && x0 < static_cast<int64_t>(16L)))
                {
                    auto tmp0 = at::vec::Vectorized<float>::loadu(out_ptr0 + static_cast<int64_t>(x0), static_cast<int64_t>(16));
                    auto tmp1 = static_cast<float>(8.0);
                    auto tmp2 = at::vec::Vectorized<float>(tmp1);
                    auto tmp3 = tmp0 / tmp2;
                    tmp3.store(in_out_ptr0 + static_cast<int64_t>(x0));
                }
            }
        }
    }
    {
        #pragma GCC ivdep
        for(int64_t x0=static_cast<int64_t>(0L); x0<static_cast<int64_t>(16L); x0+=static_cast<int64_t>(1L))
        {
            {
                float tmp_acc0 = 0;
                at::vec::Vectorized<float> tmp_acc0_vec = at::vec::Vectorized<float>(0);
                for(int64_t x1=static_cast<int64_t>(0L); x1<static_cast<int64_t>(8L); x1+=static_cast<int64_t>(16L))
                {
                    {
                        if(C10_LIKELY(x1 >= static_cast<int64_t>(0L) && x1 < static_cast<int64_t>(8L)))
                        {
                            auto tmp0 = at::vec::Vectorized<float>::loadu(in_ptr0 + static_cast<int64_t>(x1 + 8L*x0), static_cast<int64_t>(8L));
                            auto tmp1 = at::vec::Vectorized<float>::loadu(in_ptr1 + static_cast<int64_t>(x1 + 8L*x0), static_cast<int64_t>(8L));
                            auto tmp6 = in_out_ptr0[static_cast<int64_t>(x0)];
                            auto tmp2 = tmp0 + tmp1;
                            auto tmp3 = static_cast<float>(1.0);
                            auto tmp4 = at::vec::Vectorized<float>(tmp3);
                            auto tmp5 = tmp2 / tmp4;
                            auto tmp7 = at::vec::Vectorized<float>(tmp6);
                            auto tmp8 = tmp5 - tmp7;
                            auto tmp9 = tmp8 * tmp8;
                            tmp_acc0_vec = sum_masked_reduce(tmp_acc0_vec, tmp9, static_cast<int64_t>(8L));
                        }
                    }
                }
                tmp_acc0 = tmp_acc0 + at::vec::vec_reduce_all<float, 1>([](at::vec::Vectorized<float>& x, at::vec::Vectorized<float>& y) { return x + y; }, tmp_acc0_vec);
                out_ptr1[static_cast<int64_t>(x0)] = static_cast<float>(tmp_acc0);
            }
        }
    }
    {
        #pragma GCC ivdep
        for(int64_t x0=static_cast<int64_t>(0L); x0<static_cast<int64_t>(2L); x0+=static_cast<int64_t>(1L))
        {
            #pragma GCC ivdep
            for(int64_t x1=static_cast<int64_t>(0L); x1<static_cast<int64_t>(8L); x1+=static_cast<int64_t>(1L))
            {
                for(int64_t x2=static_cast<int64_t>(0L); x2<static_cast<int64_t>(8L); x2+=static_cast<int64_t>(16L))
                {
                    {
                        if(C10_LIKELY(x2 >= static_cast<int64_t>(0L) && x2 < static_cast<int64_t>(8L)))
                        {
                            auto tmp0 = out_ptr1[static_cast<int64_t>(x1 + 8L*x0)];
                            auto tmp6 = at::vec::Vectorized<float>::loadu(in_ptr2 + static_cast<int64_t>(x2 + 8L*x1), static_cast<int64_t>(8L));
                            auto tmp9 = in_out_ptr0[static_cast<int64_t>(x1 + 8L*x0)];
                            auto tmp13 = at::vec::Vectorized<float>::loadu(in_ptr3 + static_cast<int64_t>(x2 + 8L*x1), static_cast<int64_t>(8L));
                            auto tmp1 = static_cast<float>(8.0);
                            auto tmp2 = tmp0 / tmp1;
                            auto tmp3 = static_cast<float>(1e-05);
                            auto tmp4 = float(tmp2 + tmp3);
                            auto tmp5 = 1 / std::sqrt(tmp4);
                            auto tmp7 = at::vec::Vectorized<float>(tmp5);
                            auto tmp8 = tmp7 * tmp6;
                            auto tmp10 = decltype(tmp9)(-tmp9);
                            auto tmp11 = at::vec::Vectorized<float>(tmp10);
                            auto tmp12 = tmp11 * tmp8;
                            auto tmp14 = tmp12 + tmp13;
                            tmp8.store(out_ptr2 + static_cast<int64_t>(x2 + 8L*x1 + 64L*x0), static_cast<int64_t>(8L));
                            tmp14.store(out_ptr3 + static_cast<int64_t>(x2 + 8L*x1 + 64L*x0), static_cast<int64_t>(8L));
                        }
                    }
                }
            }
        }
    }
    {
        for(int64_t x0=static_cast<int64_t>(0L); x0<static_cast<int64_t>(128L); x0+=static_cast<int64_t>(16L))
        {
            {
                if(C10_LIKELY(x0 >= static_cast<int64_t>(0) && x0 < static_cast<int64_t>(128L)))
                {
                    auto tmp0 = at::vec::Vectorized<float>::loadu(in_ptr0 + static_cast<int64_t>(x0), static_cast<int64_t>(16));
                    auto tmp1 = at::vec::Vectorized<float>::loadu(in_ptr1 + static_cast<int64_t>(x0), static_cast<int64_t>(16));
                    auto tmp6 = at::vec::Vectorized<float>::loadu(out_ptr2 + static_cast<int64_t>(x0), static_cast<int64_t>(16));
                    auto tmp8 = at::vec::Vectorized<float>::loadu(out_ptr3 + static_cast<int64_t>(x0), static_cast<int64_t>(16));
                    auto tmp2 = tmp0 + tmp1;
                    auto tmp3 = static_cast<float>(1.0);
                    auto tmp4 = at::vec::Vectorized<float>(tmp3);
                    auto tmp5 = tmp2 / tmp4;
                    auto tmp7 = tmp5 * tmp6;
                    auto tmp9 = tmp7 + tmp8;
                    auto tmp10 = tmp9.neg();
                    auto tmp11 = tmp10.exp();
                    auto tmp12 = tmp11 + tmp4;
                    auto tmp13 = tmp9 / tmp12;
                    tmp13.store(in_out_ptr1 + static_cast<int64_t>(x0));
                }
            }
        }
    }
    inductor_cpu_integer_div_error_flag = nullptr;
    inductor_cpu_throw_if_integer_div_error(inductor_cpu_integer_div_error);
}
''')


cpp_fused_add_div_native_group_norm_37 = async_compile.cpp_pybinding(['float*', 'float*', 'const float*', 'const float*', 'const float*', 'const float*', 'const float*', 'float*', 'float*'], r'''
#include <torch/csrc/inductor/cpp_prefix.h>
extern "C"  void  kernel(float* in_out_ptr0,
                       float* in_out_ptr1,
                       const float* in_ptr0,
                       const float* in_ptr1,
                       const float* in_ptr2,
                       const float* in_ptr3,
                       const float* in_ptr4,
                       float* out_ptr1,
                       float* out_ptr3)
{
    std::atomic<int> inductor_cpu_integer_div_error{0};
    inductor_cpu_integer_div_error_flag = &inductor_cpu_integer_div_error;
    auto out_ptr0 = in_out_ptr0;
    auto out_ptr2 = in_out_ptr1;
    {
        #pragma GCC ivdep
        for(int64_t x0=static_cast<int64_t>(0L); x0<static_cast<int64_t>(16L); x0+=static_cast<int64_t>(1L))
        {
            {
                float tmp_acc0 = 0;
                at::vec::Vectorized<float> tmp_acc0_vec = at::vec::Vectorized<float>(0);
                for(int64_t x1=static_cast<int64_t>(0L); x1<static_cast<int64_t>(8L); x1+=static_cast<int64_t>(16L))
                {
                    {
                        if(C10_LIKELY(x1 >= static_cast<int64_t>(0L) && x1 < static_cast<int64_t>(8L)))
                        {
                            auto tmp0 = at::vec::Vectorized<float>::loadu(in_ptr0 + static_cast<int64_t>(x1 + 8L*x0), static_cast<int64_t>(8L));
                            auto tmp1 = at::vec::Vectorized<float>::loadu(in_ptr1 + static_cast<int64_t>(x1 + 8L*x0), static_cast<int64_t>(8L));
                            auto tmp6 = at::vec::Vectorized<float>::loadu(in_ptr2 + static_cast<int64_t>(x1 + 8L*x0), static_cast<int64_t>(8L));
                            auto tmp2 = tmp0 + tmp1;
                            auto tmp3 = static_cast<float>(1.0);
                            auto tmp4 = at::vec::Vectorized<float>(tmp3);
                            auto tmp5 = tmp2 / tmp4;
                            auto tmp7 = tmp5 + tmp6;
                            auto tmp8 = tmp7 / tmp4;
                            tmp_acc0_vec = sum_masked_reduce(tmp_acc0_vec, tmp8, static_cast<int64_t>(8L));
                        }
                    }
                }
                tmp_acc0 = tmp_acc0 + at::vec::vec_reduce_all<float, 1>([](at::vec::Vectorized<float>& x, at::vec::Vectorized<float>& y) { return x + y; }, tmp_acc0_vec);
                in_out_ptr0[static_cast<int64_t>(x0)] = static_cast<float>(tmp_acc0);
            }
        }
    }
    {
        for(int64_t x0=static_cast<int64_t>(0L); x0<static_cast<int64_t>(16L); x0+=static_cast<int64_t>(16L))
        {
            {
                if(C10_LIKELY(x0 >= static_cast<int64_t>(0) && x0 < static_cast<int64_t>(16L)))
                {
                    auto tmp0 = at::vec::Vectorized<float>::loadu(out_ptr0 + static_cast<int64_t>(x0), static_cast<int64_t>(16));
                    auto tmp1 = static_cast<float>(8.0);
                    auto tmp2 = at::vec::Vectorized<float>(tmp1);
                    auto tmp3 = tmp0 / tmp2;
                    tmp3.store(in_out_ptr0 + static_cast<int64_t>(x0));
                }
            }
        }
    }
    {
        #pragma GCC ivdep
        for(int64_t x0=static_cast<int64_t>(0L); x0<static_cast<int64_t>(16L); x0+=static_cast<int64_t>(1L))
        {
            {
                float tmp_acc0 = 0;
                at::vec::Vectorized<float> tmp_acc0_vec = at::vec::Vectorized<float>(0);
                for(int64_t x1=static_cast<int64_t>(0L); x1<static_cast<int64_t>(8L); x1+=static_cast<int64_t>(16L))
                {
                    {
                        if(C10_LIKELY(x1 >= static_cast<int64_t>(0L) && x1 < static_cast<int64_t>(8L)))
                        {
                            auto tmp0 = at::vec::Vectorized<float>::loadu(in_ptr0 + static_cast<int64_t>(x1 + 8L*x0), static_cast<int64_t>(8L));
                            auto tmp1 = at::vec::Vectorized<float>::loadu(in_ptr1 + static_cast<int64_t>(x1 + 8L*x0), static_cast<int64_t>(8L));
                            auto tmp6 = at::vec::Vectorized<float>::loadu(in_ptr2 + static_cast<int64_t>(x1 + 8L*x0), static_cast<int64_t>(8L));
                            auto tmp9 = in_out_ptr0[static_cast<int64_t>(x0)];
                            auto tmp2 = tmp0 + tmp1;
                            auto tmp3 = static_cast<float>(1.0);
                            auto tmp4 = at::vec::Vectorized<float>(tmp3);
                            auto tmp5 = tmp2 / tmp4;
                            auto tmp7 = tmp5 + tmp6;
                            auto tmp8 = tmp7 / tmp4;
                            auto tmp10 = at::vec::Vectorized<float>(tmp9);
                            auto tmp11 = tmp8 - tmp10;
                            auto tmp12 = tmp11 * tmp11;
                            tmp_acc0_vec = sum_masked_reduce(tmp_acc0_vec, tmp12, static_cast<int64_t>(8L));
                        }
                    }
                }
                tmp_acc0 = tmp_acc0 + at::vec::vec_reduce_all<float, 1>([](at::vec::Vectorized<float>& x, at::vec::Vectorized<float>& y) { return x + y; }, tmp_acc0_vec);
                out_ptr1[static_cast<int64_t>(x0)] = static_cast<float>(tmp_acc0);
            }
        }
    }
    {
        #pragma GCC ivdep
        for(int64_t x0=static_cast<int64_t>(0L); x0<static_cast<int64_t>(2L); x0+=static_cast<int64_t>(1L))
        {
            #pragma GCC ivdep
            for(int64_t x1=static_cast<int64_t>(0L); x1<static_cast<int64_t>(8L); x1+=static_cast<int64_t>(1L))
            {
                for(int64_t x2=static_cast<int64_t>(0L); x2<static_cast<int64_t>(8L); x2+=static_cast<int64_t>(16L))
                {
                    {
                        if(C10_LIKELY(x2 >= static_cast<int64_t>(0L) && x2 < static_cast<int64_t>(8L)))
                        {
                            auto tmp0 = out_ptr1[static_cast<int64_t>(x1 + 8L*x0)];
                            auto tmp6 = at::vec::Vectorized<float>::loadu(in_ptr3 + static_cast<int64_t>(x2 + 8L*x1), static_cast<int64_t>(8L));
                            auto tmp9 = in_out_ptr0[static_cast<int64_t>(x1 + 8L*x0)];
                            auto tmp13 = at::vec::Vectorized<float>::loadu(in_ptr4 + static_cast<int64_t>(x2 + 8L*x1), static_cast<int64_t>(8L));
                            auto tmp1 = static_cast<float>(8.0);
                            auto tmp2 = tmp0 / tmp1;
                            auto tmp3 = static_cast<float>(1e-06);
                            auto tmp4 = float(tmp2 + tmp3);
                            auto tmp5 = 1 / std::sqrt(tmp4);
                            auto tmp7 = at::vec::Vectorized<float>(tmp5);
                            auto tmp8 = tmp7 * tmp6;
                            auto tmp10 = decltype(tmp9)(-tmp9);
                            auto tmp11 = at::vec::Vectorized<float>(tmp10);
                            auto tmp12 = tmp11 * tmp8;
                            auto tmp14 = tmp12 + tmp13;
                            tmp8.store(out_ptr2 + static_cast<int64_t>(x2 + 8L*x1 + 64L*x0), static_cast<int64_t>(8L));
                            tmp14.store(out_ptr3 + static_cast<int64_t>(x2 + 8L*x1 + 64L*x0), static_cast<int64_t>(8L));
                        }
                    }
                }
            }
        }
    }
    {
        for(int64_t x0=static_cast<int64_t>(0L); x0<static_cast<int64_t>(128L); x0+=static_cast<int64_t>(16L))
        {
            {
                if(C10_LIKELY(x0 >= static_cast<int64_t>(0) && x0 < static_cast<int64_t>(128L)))
                {
                    auto tmp0 = at::vec::Vectorized<float>::loadu(in_ptr0 + static_cast<int64_t>(x0), static_cast<int64_t>(16));
                    auto tmp1 = at::vec::Vectorized<float>::loadu(in_ptr1 + static_cast<int64_t>(x0), static_cast<int64_t>(16));
                    auto tmp6 = at::vec::Vectorized<float>::loadu(in_ptr2 + static_cast<int64_t>(x0), static_cast<int64_t>(16));
                    auto tmp9 = at::vec::Vectorized<float>::loadu(out_ptr2 + static_cast<int64_t>(x0), static_cast<int64_t>(16));
                    auto tmp11 = at::vec::Vectorized<float>::loadu(out_ptr3 + static_cast<int64_t>(x0), static_cast<int64_t>(16));
                    auto tmp2 = tmp0 + tmp1;
                    auto tmp3 = static_cast<float>(1.0);
                    auto tmp4 = at::vec::Vectorized<float>(tmp3);
                    auto tmp5 = tmp2 / tmp4;
                    auto tmp7 = tmp5 + tmp6;
                    auto tmp8 = tmp7 / tmp4;
                    auto tmp10 = tmp8 * tmp9;
                    auto tmp12 = tmp10 + tmp11;
                    tmp12.store(in_out_ptr1 + static_cast<int64_t>(x0));
                }
            }
        }
    }
    inductor_cpu_integer_div_error_flag = nullptr;
    inductor_cpu_throw_if_integer_div_error(inductor_cpu_integer_div_error);
}
''')


cpp_fused_native_layer_norm_permute_view_38 = async_compile.cpp_pybinding(['float*', 'const float*', 'const float*', 'const float*', 'float*', 'float*'], r'''
#include <torch/csrc/inductor/cpp_prefix.h>
extern "C"  void  kernel(float* in_out_ptr0,
                       const float* in_ptr0,
                       const float* in_ptr1,
                       const float* in_ptr2,
                       float* out_ptr1,
                       float* out_ptr2)
{
    std::atomic<int> inductor_cpu_integer_div_error{0};
    inductor_cpu_integer_div_error_flag = &inductor_cpu_integer_div_error;
    auto out_ptr0 = in_out_ptr0;
    {
        #pragma GCC ivdep
        for(int64_t x0=static_cast<int64_t>(0L); x0<static_cast<int64_t>(2L); x0+=static_cast<int64_t>(1L))
        {
            {
                float tmp_acc0 = 0;
                at::vec::Vectorized<float> tmp_acc0_vec = at::vec::Vectorized<float>(0);
                for(int64_t x1=static_cast<int64_t>(0L); x1<static_cast<int64_t>(64L); x1+=static_cast<int64_t>(16L))
                {
                    {
                        if(C10_LIKELY(x1 >= static_cast<int64_t>(0) && x1 < static_cast<int64_t>(64L)))
                        {
                            auto tmp0 = at::vec::Vectorized<float>::loadu(in_ptr0 + static_cast<int64_t>(x1 + 64L*x0), static_cast<int64_t>(16));
                            tmp_acc0_vec = tmp_acc0_vec + tmp0;
                        }
                    }
                }
                tmp_acc0 = tmp_acc0 + at::vec::vec_reduce_all<float, 1>([](at::vec::Vectorized<float>& x, at::vec::Vectorized<float>& y) { return x + y; }, tmp_acc0_vec);
                out_ptr0[static_cast<int64_t>(x0)] = static_cast<float>(tmp_acc0);
            }
            {
                {
                    auto tmp0 = out_ptr0[static_cast<int64_t>(x0)];
                    auto tmp1 = static_cast<float>(64.0);
                    auto tmp2 = tmp0 / tmp1;
                    in_out_ptr0[static_cast<int64_t>(x0)] = tmp2;
                }
            }
            {
                float tmp_acc0 = 0;
                at::vec::Vectorized<float> tmp_acc0_vec = at::vec::Vectorized<float>(0);
                for(int64_t x1=static_cast<int64_t>(0L); x1<static_cast<int64_t>(64L); x1+=static_cast<int64_t>(16L))
                {
                    {
                        if(C10_LIKELY(x1 >= static_cast<int64_t>(0) && x1 < static_cast<int64_t>(64L)))
                        {
                            auto tmp0 = at::vec::Vectorized<float>::loadu(in_ptr0 + static_cast<int64_t>(x1 + 64L*x0), static_cast<int64_t>(16));
                            auto tmp1 = in_out_ptr0[static_cast<int64_t>(x0)];
                            auto tmp2 = at::vec::Vectorized<float>(tmp1);
                            auto tmp3 = tmp0 - tmp2;
                            auto tmp4 = tmp3 * tmp3;
                            tmp_acc0_vec = tmp_acc0_vec + tmp4;
                        }
                    }
                }
                tmp_acc0 = tmp_acc0 + at::vec::vec_reduce_all<float, 1>([](at::vec::Vectorized<float>& x, at::vec::Vectorized<float>& y) { return x + y; }, tmp_acc0_vec);
                out_ptr1[static_cast<int64_t>(x0)] = static_cast<float>(tmp_acc0);
            }
            for(int64_t x1=static_cast<int64_t>(0L); x1<static_cast<int64_t>(64L); x1+=static_cast<int64_t>(16L))
            {
                {
                    if(C10_LIKELY(x1 >= static_cast<int64_t>(0) && x1 < static_cast<int64_t>(64L)))
                    {
                        auto tmp0 = at::vec::Vectorized<float>::loadu(in_ptr0 + static_cast<int64_t>(x1 + 64L*x0), static_cast<int64_t>(16));
                        auto tmp1 = in_out_ptr0[static_cast<int64_t>(x0)];
                        auto tmp4 = out_ptr1[static_cast<int64_t>(x0)];
                        auto tmp12 = at::vec::Vectorized<float>::loadu(in_ptr1 + static_cast<int64_t>(x1), static_cast<int64_t>(16));
                        auto tmp14 = at::vec::Vectorized<float>::loadu(in_ptr2 + static_cast<int64_t>(x1), static_cast<int64_t>(16));
                        auto tmp2 = at::vec::Vectorized<float>(tmp1);
                        auto tmp3 = tmp0 - tmp2;
                        auto tmp5 = static_cast<float>(64.0);
                        auto tmp6 = tmp4 / tmp5;
                        auto tmp7 = static_cast<float>(1e-05);
                        auto tmp8 = float(tmp6 + tmp7);
                        auto tmp9 = 1 / std::sqrt(tmp8);
                        auto tmp10 = at::vec::Vectorized<float>(tmp9);
                        auto tmp11 = tmp3 * tmp10;
                        auto tmp13 = tmp11 * tmp12;
                        auto tmp15 = tmp13 + tmp14;
                        tmp15.store(out_ptr2 + static_cast<int64_t>(x1 + 64L*x0));
                    }
                }
            }
        }
    }
    inductor_cpu_integer_div_error_flag = nullptr;
    inductor_cpu_throw_if_integer_div_error(inductor_cpu_integer_div_error);
}
''')


cpp_fused__scaled_dot_product_flash_attention_for_cpu__unsafe_view_add_mul_transpose_view_39 = async_compile.cpp_pybinding(['float*', 'const float*', 'const float*', 'const float*', 'const float*'], r'''
#include <torch/csrc/inductor/cpp_prefix.h>
extern "C"  void  kernel(float* in_out_ptr0,
                       const float* in_ptr0,
                       const float* in_ptr1,
                       const float* in_ptr2,
                       const float* in_ptr3)
{
    std::atomic<int> inductor_cpu_integer_div_error{0};
    inductor_cpu_integer_div_error_flag = &inductor_cpu_integer_div_error;
    {
        for(int64_t x0=static_cast<int64_t>(0L); x0<static_cast<int64_t>(128L); x0+=static_cast<int64_t>(16L))
        {
            {
                if(C10_LIKELY(x0 >= static_cast<int64_t>(0) && x0 < static_cast<int64_t>(128L)))
                {
                    auto tmp0 = at::vec::Vectorized<float>::loadu(in_out_ptr0 + static_cast<int64_t>(x0), static_cast<int64_t>(16));
                    auto tmp1 = at::vec::Vectorized<float>::loadu(in_ptr0 + static_cast<int64_t>(x0), static_cast<int64_t>(16));
                    auto tmp2 = in_ptr1[static_cast<int64_t>(0L)];
                    auto tmp6 = at::vec::Vectorized<float>::loadu(in_ptr2 + static_cast<int64_t>(x0), static_cast<int64_t>(16));
                    auto tmp7 = in_ptr3[static_cast<int64_t>(0L)];
                    auto tmp3 = at::vec::Vectorized<float>(tmp2);
                    auto tmp4 = tmp1 * tmp3;
                    auto tmp5 = tmp0 + tmp4;
                    auto tmp8 = at::vec::Vectorized<float>(tmp7);
                    auto tmp9 = tmp6 * tmp8;
                    auto tmp10 = tmp5 + tmp9;
                    tmp10.store(in_out_ptr0 + static_cast<int64_t>(x0));
                }
            }
        }
    }
    inductor_cpu_integer_div_error_flag = nullptr;
    inductor_cpu_throw_if_integer_div_error(inductor_cpu_integer_div_error);
}
''')


cpp_fused__unsafe_view_add_div_mul_native_layer_norm_permute_view_40 = async_compile.cpp_pybinding(['float*', 'float*', 'const float*', 'const float*', 'const float*', 'const float*', 'const float*', 'const float*', 'const float*', 'float*', 'float*'], r'''
#include <torch/csrc/inductor/cpp_prefix.h>
extern "C"  void  kernel(float* in_out_ptr0,
                       float* in_out_ptr1,
                       const float* in_ptr0,
                       const float* in_ptr1,
                       const float* in_ptr2,
                       const float* in_ptr3,
                       const float* in_ptr4,
                       const float* in_ptr5,
                       const float* in_ptr6,
                       float* out_ptr1,
                       float* out_ptr2)
{
    std::atomic<int> inductor_cpu_integer_div_error{0};
    inductor_cpu_integer_div_error_flag = &inductor_cpu_integer_div_error;
    auto out_ptr0 = in_out_ptr1;
    {
        for(int64_t x0=static_cast<int64_t>(0L); x0<static_cast<int64_t>(128L); x0+=static_cast<int64_t>(16L))
        {
            {
                if(C10_LIKELY(x0 >= static_cast<int64_t>(0) && x0 < static_cast<int64_t>(128L)))
                {
                    auto tmp0 = at::vec::Vectorized<float>::loadu(in_out_ptr0 + static_cast<int64_t>(x0), static_cast<int64_t>(16));
                    auto tmp1 = at::vec::Vectorized<float>::loadu(in_ptr0 + static_cast<int64_t>(x0), static_cast<int64_t>(16));
                    auto tmp2 = in_ptr1[static_cast<int64_t>(0L)];
                    auto tmp6 = at::vec::Vectorized<float>::loadu(in_ptr2 + static_cast<int64_t>(x0), static_cast<int64_t>(16));
                    auto tmp7 = in_ptr3[static_cast<int64_t>(0L)];
                    auto tmp14 = at::vec::Vectorized<float>::loadu(in_ptr4 + static_cast<int64_t>(x0), static_cast<int64_t>(16));
                    auto tmp3 = at::vec::Vectorized<float>(tmp2);
                    auto tmp4 = tmp1 * tmp3;
                    auto tmp5 = tmp0 + tmp4;
                    auto tmp8 = at::vec::Vectorized<float>(tmp7);
                    auto tmp9 = tmp6 * tmp8;
                    auto tmp10 = tmp5 + tmp9;
                    auto tmp11 = static_cast<float>(1.0);
                    auto tmp12 = at::vec::Vectorized<float>(tmp11);
                    auto tmp13 = tmp10 / tmp12;
                    auto tmp15 = tmp13 + tmp14;
                    tmp15.store(in_out_ptr0 + static_cast<int64_t>(x0));
                }
            }
        }
    }
    {
        #pragma GCC ivdep
        for(int64_t x0=static_cast<int64_t>(0L); x0<static_cast<int64_t>(2L); x0+=static_cast<int64_t>(1L))
        {
            {
                float tmp_acc0 = 0;
                at::vec::Vectorized<float> tmp_acc0_vec = at::vec::Vectorized<float>(0);
                for(int64_t x1=static_cast<int64_t>(0L); x1<static_cast<int64_t>(64L); x1+=static_cast<int64_t>(16L))
                {
                    {
                        if(C10_LIKELY(x1 >= static_cast<int64_t>(0) && x1 < static_cast<int64_t>(64L)))
                        {
                            auto tmp0 = at::vec::Vectorized<float>::loadu(in_out_ptr0 + static_cast<int64_t>(x1 + 64L*x0), static_cast<int64_t>(16));
                            tmp_acc0_vec = tmp_acc0_vec + tmp0;
                        }
                    }
                }
                tmp_acc0 = tmp_acc0 + at::vec::vec_reduce_all<float, 1>([](at::vec::Vectorized<float>& x, at::vec::Vectorized<float>& y) { return x + y; }, tmp_acc0_vec);
                out_ptr0[static_cast<int64_t>(x0)] = static_cast<float>(tmp_acc0);
            }
            {
                {
                    auto tmp0 = out_ptr0[static_cast<int64_t>(x0)];
                    auto tmp1 = static_cast<float>(64.0);
                    auto tmp2 = tmp0 / tmp1;
                    in_out_ptr1[static_cast<int64_t>(x0)] = tmp2;
                }
            }
            {
                float tmp_acc0 = 0;
                at::vec::Vectorized<float> tmp_acc0_vec = at::vec::Vectorized<float>(0);
                for(int64_t x1=static_cast<int64_t>(0L); x1<static_cast<int64_t>(64L); x1+=static_cast<int64_t>(16L))
                {
                    {
                        if(C10_LIKELY(x1 >= static_cast<int64_t>(0) && x1 < static_cast<int64_t>(64L)))
                        {
                            auto tmp0 = at::vec::Vectorized<float>::loadu(in_out_ptr0 + static_cast<int64_t>(x1 + 64L*x0), static_cast<int64_t>(16));
                            auto tmp1 = in_out_ptr1[static_cast<int64_t>(x0)];
                            auto tmp2 = at::vec::Vectorized<float>(tmp1);
                            auto tmp3 = tmp0 - tmp2;
                            auto tmp4 = tmp3 * tmp3;
                            tmp_acc0_vec = tmp_acc0_vec + tmp4;
                        }
                    }
                }
                tmp_acc0 = tmp_acc0 + at::vec::vec_reduce_all<float, 1>([](at::vec::Vectorized<float>& x, at::vec::Vectorized<float>& y) { return x + y; }, tmp_acc0_vec);
                out_ptr1[static_cast<int64_t>(x0)] = static_cast<float>(tmp_acc0);
            }
            for(int64_t x1=static_cast<int64_t>(0L); x1<static_cast<int64_t>(64L); x1+=static_cast<int64_t>(16L))
            {
                {
                    if(C10_LIKELY(x1 >= static_cast<int64_t>(0) && x1 < static_cast<int64_t>(64L)))
                    {
                        auto tmp0 = at::vec::Vectorized<float>::loadu(in_out_ptr0 + static_cast<int64_t>(x1 + 64L*x0), static_cast<int64_t>(16));
                        auto tmp1 = in_out_ptr1[static_cast<int64_t>(x0)];
                        auto tmp4 = out_ptr1[static_cast<int64_t>(x0)];
                        auto tmp12 = at::vec::Vectorized<float>::loadu(in_ptr5 + static_cast<int64_t>(x1), static_cast<int64_t>(16));
                        auto tmp14 = at::vec::Vectorized<float>::loadu(in_ptr6 + static_cast<int64_t>(x1), static_cast<int64_t>(16));
                        auto tmp2 = at::vec::Vectorized<float>(tmp1);
                        auto tmp3 = tmp0 - tmp2;
                        auto tmp5 = static_cast<float>(64.0);
                        auto tmp6 = tmp4 / tmp5;
                        auto tmp7 = static_cast<float>(1e-05);
                        auto tmp8 = float(tmp6 + tmp7);
                        auto tmp9 = 1 / std::sqrt(tmp8);
                        auto tmp10 = at::vec::Vectorized<float>(tmp9);
                        auto tmp11 = tmp3 * tmp10;
                        auto tmp13 = tmp11 * tmp12;
                        auto tmp15 = tmp13 + tmp14;
                        tmp15.store(out_ptr2 + static_cast<int64_t>(x1 + 64L*x0));
                    }
                }
            }
        }
    }
    inductor_cpu_integer_div_error_flag = nullptr;
    inductor_cpu_throw_if_integer_div_error(inductor_cpu_integer_div_error);
}
''')


cpp_fused_silu_41 = async_compile.cpp_pybinding(['const float*', 'float*', 'float*', 'float*', 'float*'], r'''
#include <torch/csrc/inductor/cpp_prefix.h>
extern "C"  void  kernel(const float* in_ptr0,
                       float* out_ptr0,
                       float* out_ptr1,
                       float* out_ptr2,
                       float* out_ptr3)
{
    std::atomic<int> inductor_cpu_integer_div_error{0};
    inductor_cpu_integer_div_error_flag = &inductor_cpu_integer_div_error;
    {
        for(int64_t x0=static_cast<int64_t>(0L); x0<static_cast<int64_t>(256L); x0+=static_cast<int64_t>(16L))
        {
            {
                if(C10_LIKELY(x0 >= static_cast<int64_t>(0) && x0 < static_cast<int64_t>(256L)))
                {
                    auto tmp0 = at::vec::Vectorized<float>::loadu(in_ptr0 + static_cast<int64_t>(x0), static_cast<int64_t>(16));
                    auto tmp1 = tmp0.neg();
                    auto tmp2 = tmp1.exp();
                    auto tmp3 = static_cast<float>(1.0);
                    auto tmp4 = at::vec::Vectorized<float>(tmp3);
                    auto tmp5 = tmp2 + tmp4;
                    auto tmp6 = tmp0 / tmp5;
                    tmp6.store(out_ptr0 + static_cast<int64_t>(x0));
                    tmp6.store(out_ptr1 + static_cast<int64_t>(x0));
                    tmp6.store(out_ptr2 + static_cast<int64_t>(x0));
                    tmp6.store(out_ptr3 + static_cast<int64_t>(x0));
                }
            }
        }
    }
    inductor_cpu_integer_div_error_flag = nullptr;
    inductor_cpu_throw_if_integer_div_error(inductor_cpu_integer_div_error);
}
''')


cpp_fused_gelu_mul_split_view_42 = async_compile.cpp_pybinding(['const float*', 'float*'], r'''
#include <torch/csrc/inductor/cpp_prefix.h>
extern "C"  void  kernel(const float* in_ptr0,
                       float* out_ptr0)
{
    std::atomic<int> inductor_cpu_integer_div_error{0};
    inductor_cpu_integer_div_error_flag = &inductor_cpu_integer_div_error;
    {
        #pragma GCC ivdep
        for(int64_t x0=static_cast<int64_t>(0L); x0<static_cast<int64_t>(2L); x0+=static_cast<int64_t>(1L))
        {
            for(int64_t x1=static_cast<int64_t>(0L); x1<static_cast<int64_t>(256L); x1+=static_cast<int64_t>(16L))
            {
                {
                    if(C10_LIKELY(x1 >= static_cast<int64_t>(0) && x1 < static_cast<int64_t>(256L)))
                    {
                        auto tmp0 = at::vec::Vectorized<float>::loadu(in_ptr0 + static_cast<int64_t>(x1 + 512L*x0), static_cast<int64_t>(16));
                        auto tmp1 = at::vec::Vectorized<float>::loadu(in_ptr0 + static_cast<int64_t>(256L + x1 + 512L*x0), static_cast<int64_t>(16));
                        auto tmp2 = static_cast<float>(0.5);
                        auto tmp3 = at::vec::Vectorized<float>(tmp2);
                        auto tmp4 = tmp1 * tmp3;
                        auto tmp5 = static_cast<float>(0.7071067811865476);
                        auto tmp6 = at::vec::Vectorized<float>(tmp5);
                        auto tmp7 = tmp1 * tmp6;
                        auto tmp8 = tmp7.erf();
                        auto tmp9 = static_cast<float>(1.0);
                        auto tmp10 = at::vec::Vectorized<float>(tmp9);
                        auto tmp11 = tmp8 + tmp10;
                        auto tmp12 = tmp4 * tmp11;
                        auto tmp13 = tmp0 * tmp12;
                        tmp13.store(out_ptr0 + static_cast<int64_t>(x1 + 256L*x0));
                    }
                }
            }
        }
    }
    inductor_cpu_integer_div_error_flag = nullptr;
    inductor_cpu_throw_if_integer_div_error(inductor_cpu_integer_div_error);
}
''')


cpp_fused_add_view_43 = async_compile.cpp_pybinding(['float*', 'const float*'], r'''
#include <torch/csrc/inductor/cpp_prefix.h>
extern "C"  void  kernel(float* in_out_ptr0,
                       const float* in_ptr0)
{
    std::atomic<int> inductor_cpu_integer_div_error{0};
    inductor_cpu_integer_div_error_flag = &inductor_cpu_integer_div_error;
    {
        for(int64_t x0=static_cast<int64_t>(0L); x0<static_cast<int64_t>(128L); x0+=static_cast<int64_t>(16L))
        {
            {
                if(C10_LIKELY(x0 >= static_cast<int64_t>(0) && x0 < static_cast<int64_t>(128L)))
                {
                    auto tmp0 = at::vec::Vectorized<float>::loadu(in_out_ptr0 + static_cast<int64_t>(x0), static_cast<int64_t>(16));
                    auto tmp1 = at::vec::Vectorized<float>::loadu(in_ptr0 + static_cast<int64_t>(x0), static_cast<int64_t>(16));
                    auto tmp2 = tmp0 + tmp1;
                    tmp2.store(in_out_ptr0 + static_cast<int64_t>(x0));
                }
            }
        }
    }
    inductor_cpu_integer_div_error_flag = nullptr;
    inductor_cpu_throw_if_integer_div_error(inductor_cpu_integer_div_error);
}
''')


cpp_fused_add_div_native_group_norm_silu_44 = async_compile.cpp_pybinding(['float*', 'float*', 'const float*', 'const float*', 'const float*', 'const float*', 'const float*', 'const float*', 'float*', 'float*'], r'''
#include <torch/csrc/inductor/cpp_prefix.h>
extern "C"  void  kernel(float* in_out_ptr0,
                       float* in_out_ptr1,
                       const float* in_ptr0,
                       const float* in_ptr1,
                       const float* in_ptr2,
                       const float* in_ptr3,
                       const float* in_ptr4,
                       const float* in_ptr5,
                       float* out_ptr1,
                       float* out_ptr3)
{
    std::atomic<int> inductor_cpu_integer_div_error{0};
    inductor_cpu_integer_div_error_flag = &inductor_cpu_integer_div_error;
    auto out_ptr0 = in_out_ptr0;
    auto out_ptr2 = in_out_ptr1;
    {
        #pragma GCC ivdep
        for(int64_t x0=static_cast<int64_t>(0L); x0<static_cast<int64_t>(16L); x0+=static_cast<int64_t>(1L))
        {
            {
                float tmp_acc0 = 0;
                at::vec::Vectorized<float> tmp_acc0_vec = at::vec::Vectorized<float>(0);
                for(int64_t x1=static_cast<int64_t>(0L); x1<static_cast<int64_t>(8L); x1+=static_cast<int64_t>(16L))
                {
                    {
                        if(C10_LIKELY(x1 >= static_cast<int64_t>(0L) && x1 < static_cast<int64_t>(8L)))
                        {
                            auto tmp0 = at::vec::Vectorized<float>::loadu(in_ptr0 + static_cast<int64_t>(x1 + 8L*x0), static_cast<int64_t>(8L));
                            auto tmp1 = at::vec::Vectorized<float>::loadu(in_ptr1 + static_cast<int64_t>(x1 + 8L*x0), static_cast<int64_t>(8L));
                            auto tmp2 = at::vec::Vectorized<float>::loadu(in_ptr2 + static_cast<int64_t>(x1 + 8L*x0), static_cast<int64_t>(8L));
                            auto tmp7 = at::vec::Vectorized<float>::loadu(in_ptr3 + static_cast<int64_t>(x1 + 8L*x0), static_cast<int64_t>(8L));
                            auto tmp3 = tmp1 + tmp2;
                            auto tmp4 = static_cast<float>(1.0);
                            auto tmp5 = at::vec::Vectorized<float>(tmp4);
                            auto tmp6 = tmp3 / tmp5;
                            auto tmp8 = tmp6 + tmp7;
                            auto tmp9 = tmp8 / tmp5;
                            auto tmp10 = tmp0 + tmp9;
                            tmp_acc0_vec = sum_masked_reduce(tmp_acc0_vec, tmp10, static_cast<int64_t>(8L));
                        }
                    }
                }
                tmp_acc0 = tmp_acc0 + at::vec::vec_reduce_all<float, 1>([](at::vec::Vectorized<float>& x, at::vec::Vectorized<float>& y) { return x + y; }, tmp_acc0_vec);
                in_out_ptr0[static_cast<int64_t>(x0)] = static_cast<float>(tmp_acc0);
            }
        }
    }
    {
        for(int64_t x0=static_cast<int64_t>(0L); x0<static_cast<int64_t>(16L); x0+=static_cast<int64_t>(16L))
        {
            {
                if(C10_LIKELY(x0 >= static_cast<int64_t>(0) && x0 < static_cast<int64_t>(16L)))
                {
                    auto tmp0 = at::vec::Vectorized<float>::loadu(out_ptr0 + static_cast<int64_t>(x0), static_cast<int64_t>(16));
                    auto tmp1 = static_cast<float>(8.0);
                    auto tmp2 = at::vec::Vectorized<float>(tmp1);
                    auto tmp3 = tmp0 / tmp2;
                    tmp3.store(in_out_ptr0 + static_cast<int64_t>(x0));
                }
            }
        }
    }
    {
        #pragma GCC ivdep
        for(int64_t x0=static_cast<int64_t>(0L); x0<static_cast<int64_t>(16L); x0+=static_cast<int64_t>(1L))
        {
            {
                float tmp_acc0 = 0;
                at::vec::Vectorized<float> tmp_acc0_vec = at::vec::Vectorized<float>(0);
                for(int64_t x1=static_cast<int64_t>(0L); x1<static_cast<int64_t>(8L); x1+=static_cast<int64_t>(16L))
                {
                    {
                        if(C10_LIKELY(x1 >= static_cast<int64_t>(0L) && x1 < static_cast<int64_t>(8L)))
                        {
                            auto tmp0 = at::vec::Vectorized<float>::loadu(in_ptr0 + static_cast<int64_t>(x1 + 8L*x0), static_cast<int64_t>(8L));
                            auto tmp1 = at::vec::Vectorized<float>::loadu(in_ptr1 + static_cast<int64_t>(x1 + 8L*x0), static_cast<int64_t>(8L));
                            auto tmp2 = at::vec::Vectorized<float>::loadu(in_ptr2 + static_cast<int64_t>(x1 + 8L*x0), static_cast<int64_t>(8L));
                            auto tmp7 = at::vec::Vectorized<float>::loadu(in_ptr3 + static_cast<int64_t>(x1 + 8L*x0), static_cast<int64_t>(8L));
                            auto tmp11 = in_out_ptr0[static_cast<int64_t>(x0)];
                            auto tmp3 = tmp1 + tmp2;
                            auto tmp4 = static_cast<float>(1.0);
                            auto tmp5 = at::vec::Vectorized<float>(tmp4);
                            auto tmp6 = tmp3 / tmp5;
                            auto tmp8 = tmp6 + tmp7;
                            auto tmp9 = tmp8 / tmp5;
                            auto tmp10 = tmp0 + tmp9;
                            auto tmp12 = at::vec::Vectorized<float>(tmp11);
                            auto tmp13 = tmp10 - tmp12;
                            auto tmp14 = tmp13 * tmp13;
                            tmp_acc0_vec = sum_masked_reduce(tmp_acc0_vec, tmp14, static_cast<int64_t>(8L));
                        }
                    }
                }
                tmp_acc0 = tmp_acc0 + at::vec::vec_reduce_all<float, 1>([](at::vec::Vectorized<float>& x, at::vec::Vectorized<float>& y) { return x + y; }, tmp_acc0_vec);
                out_ptr1[static_cast<int64_t>(x0)] = static_cast<float>(tmp_acc0);
            }
        }
    }
    {
        #pragma GCC ivdep
        for(int64_t x0=static_cast<int64_t>(0L); x0<static_cast<int64_t>(2L); x0+=static_cast<int64_t>(1L))
        {
            #pragma GCC ivdep
            for(int64_t x1=static_cast<int64_t>(0L); x1<static_cast<int64_t>(8L); x1+=static_cast<int64_t>(1L))
            {
                for(int64_t x2=static_cast<int64_t>(0L); x2<static_cast<int64_t>(8L); x2+=static_cast<int64_t>(16L))
                {
                    {
                        if(C10_LIKELY(x2 >= static_cast<int64_t>(0L) && x2 < static_cast<int64_t>(8L)))
                        {
                            auto tmp0 = out_ptr1[static_cast<int64_t>(x1 + 8L*x0)];
                            auto tmp6 = at::vec::Vectorized<float>::loadu(in_ptr4 + static_cast<int64_t>(x2 + 8L*x1), static_cast<int64_t>(8L));
                            auto tmp9 = in_out_ptr0[static_cast<int64_t>(x1 + 8L*x0)];
                            auto tmp13 = at::vec::Vectorized<float>::loadu(in_ptr5 + static_cast<int64_t>(x2 + 8L*x1), static_cast<int64_t>(8L));
                            auto tmp1 = static_cast<float>(8.0);
                            auto tmp2 = tmp0 / tmp1;
                            auto tmp3 = static_cast<float>(1e-05);
                            auto tmp4 = float(tmp2 + tmp3);
                            auto tmp5 = 1 / std::sqrt(tmp4);
                            auto tmp7 = at::vec::Vectorized<float>(tmp5);
                            auto tmp8 = tmp7 * tmp6;
                            auto tmp10 = decltype(tmp9)(-tmp9);
                            auto tmp11 = at::vec::Vectorized<float>(tmp10);
                            auto tmp12 = tmp11 * tmp8;
                            auto tmp14 = tmp12 + tmp13;
                            tmp8.store(out_ptr2 + static_cast<int64_t>(x2 + 8L*x1 + 64L*x0), static_cast<int64_t>(8L));
                            tmp14.store(out_ptr3 + static_cast<int64_t>(x2 + 8L*x1 + 64L*x0), static_cast<int64_t>(8L));
                        }
                    }
                }
            }
        }
    }
    {
        for(int64_t x0=static_cast<int64_t>(0L); x0<static_cast<int64_t>(128L); x0+=static_cast<int64_t>(16L))
        {
            {
                if(C10_LIKELY(x0 >= static_cast<int64_t>(0) && x0 < static_cast<int64_t>(128L)))
                {
                    auto tmp0 = at::vec::Vectorized<float>::loadu(in_ptr0 + static_cast<int64_t>(x0), static_cast<int64_t>(16));
                    auto tmp1 = at::vec::Vectorized<float>::loadu(in_ptr1 + static_cast<int64_t>(x0), static_cast<int64_t>(16));
                    auto tmp2 = at::vec::Vectorized<float>::loadu(in_ptr2 + static_cast<int64_t>(x0), static_cast<int64_t>(16));
                    auto tmp7 = at::vec::Vectorized<float>::loadu(in_ptr3 + static_cast<int64_t>(x0), static_cast<int64_t>(16));
                    auto tmp11 = at::vec::Vectorized<float>::loadu(out_ptr2 + static_cast<int64_t>(x0), static_cast<int64_t>(16));
                    auto tmp13 = at::vec::Vectorized<float>::loadu(out_ptr3 + static_cast<int64_t>(x0), static_cast<int64_t>(16));
                    auto tmp3 = tmp1 + tmp2;
                    auto tmp4 = static_cast<float>(1.0);
                    auto tmp5 = at::vec::Vectorized<float>(tmp4);
                    auto tmp6 = tmp3 / tmp5;
                    auto tmp8 = tmp6 + tmp7;
                    auto tmp9 = tmp8 / tmp5;
                    auto tmp10 = tmp0 + tmp9;
                    auto tmp12 = tmp10 * tmp11;
                    auto tmp14 = tmp12 + tmp13;
                    auto tmp15 = tmp14.neg();
                    auto tmp16 = tmp15.exp();
                    auto tmp17 = tmp16 + tmp5;
                    auto tmp18 = tmp14 / tmp17;
                    tmp18.store(in_out_ptr1 + static_cast<int64_t>(x0));
                }
            }
        }
    }
    inductor_cpu_integer_div_error_flag = nullptr;
    inductor_cpu_throw_if_integer_div_error(inductor_cpu_integer_div_error);
}
''')


cpp_fused_add_cat_div_native_group_norm_silu_45 = async_compile.cpp_pybinding(['float*', 'float*', 'const float*', 'const float*', 'const float*', 'const float*', 'const float*', 'const float*', 'const float*', 'const float*', 'float*', 'float*', 'float*', 'float*', 'float*'], r'''
#include <torch/csrc/inductor/cpp_prefix.h>
extern "C"  void  kernel(float* in_out_ptr0,
                       float* in_out_ptr1,
                       const float* in_ptr0,
                       const float* in_ptr1,
                       const float* in_ptr2,
                       const float* in_ptr3,
                       const float* in_ptr4,
                       const float* in_ptr5,
                       const float* in_ptr6,
                       const float* in_ptr7,
                       float* out_ptr0,
                       float* out_ptr1,
                       float* out_ptr2,
                       float* out_ptr4,
                       float* out_ptr6)
{
    std::atomic<int> inductor_cpu_integer_div_error{0};
    inductor_cpu_integer_div_error_flag = &inductor_cpu_integer_div_error;
    auto out_ptr3 = in_out_ptr0;
    auto out_ptr5 = in_out_ptr1;
    {
        #pragma GCC ivdep
        for(int64_t x0=static_cast<int64_t>(0L); x0<static_cast<int64_t>(2L); x0+=static_cast<int64_t>(1L))
        {
            for(int64_t x1=static_cast<int64_t>(0L); x1<static_cast<int64_t>(64L); x1+=static_cast<int64_t>(16L))
            {
                {
                    if(C10_LIKELY(x1 >= static_cast<int64_t>(0) && x1 < static_cast<int64_t>(64L)))
                    {
                        auto tmp0 = at::vec::Vectorized<float>::loadu(in_ptr0 + static_cast<int64_t>(x1 + 64L*x0), static_cast<int64_t>(16));
                        auto tmp1 = at::vec::Vectorized<float>::loadu(in_ptr1 + static_cast<int64_t>(x1 + 64L*x0), static_cast<int64_t>(16));
                        auto tmp2 = at::vec::Vectorized<float>::loadu(in_ptr2 + static_cast<int64_t>(x1 + 64L*x0), static_cast<int64_t>(16));
                        auto tmp7 = at::vec::Vectorized<float>::loadu(in_ptr3 + static_cast<int64_t>(x1 + 64L*x0), static_cast<int64_t>(16));
                        auto tmp11 = at::vec::Vectorized<float>::loadu(in_ptr4 + static_cast<int64_t>(x1 + 64L*x0), static_cast<int64_t>(16));
                        auto tmp3 = tmp1 + tmp2;
                        auto tmp4 = static_cast<float>(1.0);
                        auto tmp5 = at::vec::Vectorized<float>(tmp4);
                        auto tmp6 = tmp3 / tmp5;
                        auto tmp8 = tmp6 + tmp7;
                        auto tmp9 = tmp8 / tmp5;
                        auto tmp10 = tmp0 + tmp9;
                        auto tmp12 = tmp10 + tmp11;
                        auto tmp13 = tmp12 / tmp5;
                        tmp13.store(out_ptr0 + static_cast<int64_t>(x1 + 128L*x0));
                        tmp6.store(out_ptr1 + static_cast<int64_t>(x1 + 128L*x0));
                        tmp1.store(out_ptr2 + static_cast<int64_t>(x1 + 128L*x0));
                    }
                }
            }
        }
    }
    {
        #pragma GCC ivdep
        for(int64_t x0=static_cast<int64_t>(0L); x0<static_cast<int64_t>(16L); x0+=static_cast<int64_t>(1L))
        {
            {
                float tmp_acc0 = 0;
                at::vec::Vectorized<float> tmp_acc0_vec = at::vec::Vectorized<float>(0);
                for(int64_t x1=static_cast<int64_t>(0L); x1<static_cast<int64_t>(16L); x1+=static_cast<int64_t>(16L))
                {
                    {
                        if(C10_LIKELY(x1 >= static_cast<int64_t>(0) && x1 < static_cast<int64_t>(16L)))
                        {
                            auto tmp0 = at::vec::Vectorized<float>::loadu(in_ptr5 + static_cast<int64_t>(x1 + 16L*x0), static_cast<int64_t>(16));
                            tmp_acc0_vec = tmp_acc0_vec + tmp0;
                        }
                    }
                }
                tmp_acc0 = tmp_acc0 + at::vec::vec_reduce_all<float, 1>([](at::vec::Vectorized<float>& x, at::vec::Vectorized<float>& y) { return x + y; }, tmp_acc0_vec);
                in_out_ptr0[static_cast<int64_t>(x0)] = static_cast<float>(tmp_acc0);
            }
        }
    }
    {
        for(int64_t x0=static_cast<int64_t>(0L); x0<static_cast<int64_t>(16L); x0+=static_cast<int64_t>(16L))
        {
            {
                if(C10_LIKELY(x0 >= static_cast<int64_t>(0) && x0 < static_cast<int64_t>(16L)))
                {
                    auto tmp0 = at::vec::Vectorized<float>::loadu(out_ptr3 + static_cast<int64_t>(x0), static_cast<int64_t>(16));
                    auto tmp1 = static_cast<float>(16.0);
                    auto tmp2 = at::vec::Vectorized<float>(tmp1);
                    auto tmp3 = tmp0 / tmp2;
                    tmp3.store(in_out_ptr0 + static_cast<int64_t>(x0));
                }
            }
        }
    }
    {
        #pragma GCC ivdep
        for(int64_t x0=static_cast<int64_t>(0L); x0<static_cast<int64_t>(16L); x0+=static_cast<int64_t>(1L))
        {
            {
                float tmp_acc0 = 0;
                at::vec::Vectorized<float> tmp_acc0_vec = at::vec::Vectorized<float>(0);
                for(int64_t x1=static_cast<int64_t>(0L); x1<static_cast<int64_t>(16L); x1+=static_cast<int64_t>(16L))
                {
                    {
                        if(C10_LIKELY(x1 >= static_cast<int64_t>(0) && x1 < static_cast<int64_t>(16L)))
                        {
                            auto tmp0 = at::vec::Vectorized<float>::loadu(in_ptr5 + static_cast<int64_t>(x1 + 16L*x0), static_cast<int64_t>(16));
                            auto tmp1 = in_out_ptr0[static_cast<int64_t>(x0)];
                            auto tmp2 = at::vec::Vectorized<float>(tmp1);
                            auto tmp3 = tmp0 - tmp2;
                            auto tmp4 = tmp3 * tmp3;
                            tmp_acc0_vec = tmp_acc0_vec + tmp4;
                        }
                    }
                }
                tmp_acc0 = tmp_acc0 + at::vec::vec_reduce_all<float, 1>([](at::vec::Vectorized<float>& x, at::vec::Vectorized<float>& y) { return x + y; }, tmp_acc0_vec);
                out_ptr4[static_cast<int64_t>(x0)] = static_cast<float>(tmp_acc0);
            }
        }
    }
    {
        #pragma GCC ivdep
        for(int64_t x0=static_cast<int64_t>(0L); x0<static_cast<int64_t>(2L); x0+=static_cast<int64_t>(1L))
        {
            #pragma GCC ivdep
            for(int64_t x1=static_cast<int64_t>(0L); x1<static_cast<int64_t>(8L); x1+=static_cast<int64_t>(1L))
            {
                for(int64_t x2=static_cast<int64_t>(0L); x2<static_cast<int64_t>(16L); x2+=static_cast<int64_t>(16L))
                {
                    {
                        if(C10_LIKELY(x2 >= static_cast<int64_t>(0) && x2 < static_cast<int64_t>(16L)))
                        {
                            auto tmp0 = out_ptr4[static_cast<int64_t>(x1 + 8L*x0)];
                            auto tmp6 = at::vec::Vectorized<float>::loadu(in_ptr6 + static_cast<int64_t>(x2 + 16L*x1), static_cast<int64_t>(16));
                            auto tmp9 = in_out_ptr0[static_cast<int64_t>(x1 + 8L*x0)];
                            auto tmp13 = at::vec::Vectorized<float>::loadu(in_ptr7 + static_cast<int64_t>(x2 + 16L*x1), static_cast<int64_t>(16));
                            auto tmp1 = static_cast<float>(16.0);
                            auto tmp2 = tmp0 / tmp1;
                            auto tmp3 = static_cast<float>(1e-05);
                            auto tmp4 = float(tmp2 + tmp3);
                            auto tmp5 = 1 / std::sqrt(tmp4);
                            auto tmp7 = at::vec::Vectorized<float>(tmp5);
                            auto tmp8 = tmp7 * tmp6;
                            auto tmp10 = decltype(tmp9)(-tmp9);
                            auto tmp11 = at::vec::Vectorized<float>(tmp10);
                            auto tmp12 = tmp11 * tmp8;
                            auto tmp14 = tmp12 + tmp13;
                            tmp8.store(out_ptr5 + static_cast<int64_t>(x2 + 16L*x1 + 128L*x0));
                            tmp14.store(out_ptr6 + static_cast<int64_t>(x2 + 16L*x1 + 128L*x0));
                        }
                    }
                }
            }
        }
    }
    {
        for(int64_t x0=static_cast<int64_t>(0L); x0<static_cast<int64_t>(256L); x0+=static_cast<int64_t>(16L))
        {
            {
                if(C10_LIKELY(x0 >= static_cast<int64_t>(0) && x0 < static_cast<int64_t>(256L)))
                {
                    auto tmp0 = at::vec::Vectorized<float>::loadu(in_ptr5 + static_cast<int64_t>(x0), static_cast<int64_t>(16));
                    auto tmp1 = at::vec::Vectorized<float>::loadu(out_ptr5 + static_cast<int64_t>(x0), static_cast<int64_t>(16));
                    auto tmp3 = at::vec::Vectorized<float>::loadu(out_ptr6 + static_cast<int64_t>(x0), static_cast<int64_t>(16));
                    auto tmp2 = tmp0 * tmp1;
                    auto tmp4 = tmp2 + tmp3;
                    auto tmp5 = tmp4.neg();
                    auto tmp6 = tmp5.exp();
                    auto tmp7 = static_cast<float>(1.0);
                    auto tmp8 = at::vec::Vectorized<float>(tmp7);
                    auto tmp9 = tmp6 + tmp8;
                    auto tmp10 = tmp4 / tmp9;
                    tmp10.store(in_out_ptr1 + static_cast<int64_t>(x0));
                }
            }
        }
    }
    inductor_cpu_integer_div_error_flag = nullptr;
    inductor_cpu_throw_if_integer_div_error(inductor_cpu_integer_div_error);
}
''')


cpp_fused_add_div_native_group_norm_silu_46 = async_compile.cpp_pybinding(['float*', 'float*', 'const float*', 'const float*', 'const float*', 'const float*', 'const float*', 'float*', 'float*', 'float*'], r'''
#include <torch/csrc/inductor/cpp_prefix.h>
extern "C"  void  kernel(float* in_out_ptr0,
                       float* in_out_ptr1,
                       const float* in_ptr0,
                       const float* in_ptr1,
                       const float* in_ptr2,
                       const float* in_ptr3,
                       const float* in_ptr4,
                       float* out_ptr0,
                       float* out_ptr2,
                       float* out_ptr4)
{
    std::atomic<int> inductor_cpu_integer_div_error{0};
    inductor_cpu_integer_div_error_flag = &inductor_cpu_integer_div_error;
    auto out_ptr1 = in_out_ptr0;
    auto out_ptr3 = in_out_ptr1;
    {
        #pragma GCC ivdep
        for(int64_t x0=static_cast<int64_t>(0L); x0<static_cast<int64_t>(2L); x0+=static_cast<int64_t>(1L))
        {
            for(int64_t x1=static_cast<int64_t>(0L); x1<static_cast<int64_t>(64L); x1+=static_cast<int64_t>(16L))
            {
                {
                    if(C10_LIKELY(x1 >= static_cast<int64_t>(0) && x1 < static_cast<int64_t>(64L)))
                    {
                        auto tmp0 = at::vec::Vectorized<float>::loadu(in_ptr0 + static_cast<int64_t>(x1 + 64L*x0), static_cast<int64_t>(16));
                        auto tmp1 = at::vec::Vectorized<float>::loadu(in_ptr1 + static_cast<int64_t>(x1 + 64L*x0), static_cast<int64_t>(16));
                        auto tmp2 = tmp0 + tmp1;
                        auto tmp3 = static_cast<float>(1.0);
                        auto tmp4 = at::vec::Vectorized<float>(tmp3);
                        auto tmp5 = tmp2 / tmp4;
                        tmp5.store(out_ptr0 + static_cast<int64_t>(x1 + 128L*x0));
                    }
                }
            }
        }
    }
    {
        #pragma GCC ivdep
        for(int64_t x0=static_cast<int64_t>(0L); x0<static_cast<int64_t>(16L); x0+=static_cast<int64_t>(1L))
        {
            {
                float tmp_acc0 = 0;
                at::vec::Vectorized<float> tmp_acc0_vec = at::vec::Vectorized<float>(0);
                for(int64_t x1=static_cast<int64_t>(0L); x1<static_cast<int64_t>(16L); x1+=static_cast<int64_t>(16L))
                {
                    {
                        if(C10_LIKELY(x1 >= static_cast<int64_t>(0) && x1 < static_cast<int64_t>(16L)))
                        {
                            auto tmp0 = at::vec::Vectorized<float>::loadu(in_ptr2 + static_cast<int64_t>(x1 + 16L*x0), static_cast<int64_t>(16));
                            tmp_acc0_vec = tmp_acc0_vec + tmp0;
                        }
                    }
                }
                tmp_acc0 = tmp_acc0 + at::vec::vec_reduce_all<float, 1>([](at::vec::Vectorized<float>& x, at::vec::Vectorized<float>& y) { return x + y; }, tmp_acc0_vec);
                in_out_ptr0[static_cast<int64_t>(x0)] = static_cast<float>(tmp_acc0);
            }
        }
    }
    {
        for(int64_t x0=static_cast<int64_t>(0L); x0<static_cast<int64_t>(16L); x0+=static_cast<int64_t>(16L))
        {
            {
                if(C10_LIKELY(x0 >= static_cast<int64_t>(0) && x0 < static_cast<int64_t>(16L)))
                {
                    auto tmp0 = at::vec::Vectorized<float>::loadu(out_ptr1 + static_cast<int64_t>(x0), static_cast<int64_t>(16));
                    auto tmp1 = static_cast<float>(16.0);
                    auto tmp2 = at::vec::Vectorized<float>(tmp1);
                    auto tmp3 = tmp0 / tmp2;
                    tmp3.store(in_out_ptr0 + static_cast<int64_t>(x0));
                }
            }
        }
    }
    {
        #pragma GCC ivdep
        for(int64_t x0=static_cast<int64_t>(0L); x0<static_cast<int64_t>(16L); x0+=static_cast<int64_t>(1L))
        {
            {
                float tmp_acc0 = 0;
                at::vec::Vectorized<float> tmp_acc0_vec = at::vec::Vectorized<float>(0);
                for(int64_t x1=static_cast<int64_t>(0L); x1<static_cast<int64_t>(16L); x1+=static_cast<int64_t>(16L))
                {
                    {
                        if(C10_LIKELY(x1 >= static_cast<int64_t>(0) && x1 < static_cast<int64_t>(16L)))
                        {
                            auto tmp0 = at::vec::Vectorized<float>::loadu(in_ptr2 + static_cast<int64_t>(x1 + 16L*x0), static_cast<int64_t>(16));
                            auto tmp1 = in_out_ptr0[static_cast<int64_t>(x0)];
                            auto tmp2 = at::vec::Vectorized<float>(tmp1);
                            auto tmp3 = tmp0 - tmp2;
                            auto tmp4 = tmp3 * tmp3;
                            tmp_acc0_vec = tmp_acc0_vec + tmp4;
                        }
                    }
                }
                tmp_acc0 = tmp_acc0 + at::vec::vec_reduce_all<float, 1>([](at::vec::Vectorized<float>& x, at::vec::Vectorized<float>& y) { return x + y; }, tmp_acc0_vec);
                out_ptr2[static_cast<int64_t>(x0)] = static_cast<float>(tmp_acc0);
            }
        }
    }
    {
        #pragma GCC ivdep
        for(int64_t x0=static_cast<int64_t>(0L); x0<static_cast<int64_t>(2L); x0+=static_cast<int64_t>(1L))
        {
            #pragma GCC ivdep
            for(int64_t x1=static_cast<int64_t>(0L); x1<static_cast<int64_t>(8L); x1+=static_cast<int64_t>(1L))
            {
                for(int64_t x2=static_cast<int64_t>(0L); x2<static_cast<int64_t>(16L); x2+=static_cast<int64_t>(16L))
                {
                    {
                        if(C10_LIKELY(x2 >= static_cast<int64_t>(0) && x2 < static_cast<int64_t>(16L)))
                        {
                            auto tmp0 = out_ptr2[static_cast<int64_t>(x1 + 8L*x0)];
                            auto tmp6 = at::vec::Vectorized<float>::loadu(in_ptr3 + static_cast<int64_t>(x2 + 16L*x1), static_cast<int64_t>(16));
                            auto tmp9 = in_out_ptr0[static_cast<int64_t>(x1 + 8L*x0)];
                            auto tmp13 = at::vec::Vectorized<float>::loadu(in_ptr4 + static_cast<int64_t>(x2 + 16L*x1), static_cast<int64_t>(16));
                            auto tmp1 = static_cast<float>(16.0);
                            auto tmp2 = tmp0 / tmp1;
                            auto tmp3 = static_cast<float>(1e-05);
                            auto tmp4 = float(tmp2 + tmp3);
                            auto tmp5 = 1 / std::sqrt(tmp4);
                            auto tmp7 = at::vec::Vectorized<float>(tmp5);
                            auto tmp8 = tmp7 * tmp6;
                            auto tmp10 = decltype(tmp9)(-tmp9);
                            auto tmp11 = at::vec::Vectorized<float>(tmp10);
                            auto tmp12 = tmp11 * tmp8;
                            auto tmp14 = tmp12 + tmp13;
                            tmp8.store(out_ptr3 + static_cast<int64_t>(x2 + 16L*x1 + 128L*x0));
                            tmp14.store(out_ptr4 + static_cast<int64_t>(x2 + 16L*x1 + 128L*x0));
                        }
                    }
                }
            }
        }
    }
    {
        for(int64_t x0=static_cast<int64_t>(0L); x0<static_cast<int64_t>(256L); x0+=static_cast<int64_t>(16L))
        {
            {
                if(C10_LIKELY(x0 >= static_cast<int64_t>(0) && x0 < static_cast<int64_t>(256L)))
                {
                    auto tmp0 = at::vec::Vectorized<float>::loadu(in_ptr2 + static_cast<int64_t>(x0), static_cast<int64_t>(16));
                    auto tmp1 = at::vec::Vectorized<float>::loadu(out_ptr3 + static_cast<int64_t>(x0), static_cast<int64_t>(16));
                    auto tmp3 = at::vec::Vectorized<float>::loadu(out_ptr4 + static_cast<int64_t>(x0), static_cast<int64_t>(16));
                    auto tmp2 = tmp0 * tmp1;
                    auto tmp4 = tmp2 + tmp3;
                    auto tmp5 = tmp4.neg();
                    auto tmp6 = tmp5.exp();
                    auto tmp7 = static_cast<float>(1.0);
                    auto tmp8 = at::vec::Vectorized<float>(tmp7);
                    auto tmp9 = tmp6 + tmp8;
                    auto tmp10 = tmp4 / tmp9;
                    tmp10.store(in_out_ptr1 + static_cast<int64_t>(x0));
                }
            }
        }
    }
    inductor_cpu_integer_div_error_flag = nullptr;
    inductor_cpu_throw_if_integer_div_error(inductor_cpu_integer_div_error);
}
''')


cpp_fused__to_copy__unsafe_index_add_arange_clone_div_mul_unsqueeze_47 = async_compile.cpp_pybinding(['const float*', 'const float*', 'float*'], r'''
#include <torch/csrc/inductor/cpp_prefix.h>
extern "C"  void  kernel(const float* in_ptr0,
                       const float* in_ptr1,
                       float* out_ptr0)
{
    std::atomic<int> inductor_cpu_integer_div_error{0};
    inductor_cpu_integer_div_error_flag = &inductor_cpu_integer_div_error;
    {
        #pragma GCC ivdep
        for(int64_t x0=static_cast<int64_t>(0L); x0<static_cast<int64_t>(2L); x0+=static_cast<int64_t>(1L))
        {
            #pragma GCC ivdep
            for(int64_t x1=static_cast<int64_t>(0L); x1<static_cast<int64_t>(2L); x1+=static_cast<int64_t>(1L))
            {
                #pragma GCC ivdep
                for(int64_t x2=static_cast<int64_t>(0L); x2<static_cast<int64_t>(2L); x2+=static_cast<int64_t>(1L))
                {
                    for(int64_t x3=static_cast<int64_t>(0L); x3<static_cast<int64_t>(64L); x3+=static_cast<int64_t>(16L))
                    {
                        {
                            if(C10_LIKELY(x3 >= static_cast<int64_t>(0) && x3 < static_cast<int64_t>(64L)))
                            {
                                auto tmp9 = at::vec::Vectorized<float>::loadu(in_ptr0 + static_cast<int64_t>(x3 + 64L*x0), static_cast<int64_t>(16));
                                auto tmp10 = at::vec::Vectorized<float>::loadu(in_ptr1 + static_cast<int64_t>(x3 + 64L*x0), static_cast<int64_t>(16));
                                auto tmp0 = x1;
                                auto tmp1 = c10::convert<float>(tmp0);
                                auto tmp2 = static_cast<float>(0.5);
                                auto tmp3 = float(tmp1 * tmp2);
                                auto tmp4 = c10::convert<int64_t>(tmp3);
                                auto tmp5 = x2;
                                auto tmp6 = c10::convert<float>(tmp5);
                                auto tmp7 = float(tmp6 * tmp2);
                                auto tmp8 = c10::convert<int64_t>(tmp7);
                                auto tmp11 = tmp9 + tmp10;
                                auto tmp12 = static_cast<float>(1.0);
                                auto tmp13 = at::vec::Vectorized<float>(tmp12);
                                auto tmp14 = tmp11 / tmp13;
                                tmp14.store(out_ptr0 + static_cast<int64_t>(x3 + 64L*x2 + 128L*x1 + 256L*x0));
                            }
                        }
                    }
                }
            }
        }
    }
    inductor_cpu_integer_div_error_flag = nullptr;
    inductor_cpu_throw_if_integer_div_error(inductor_cpu_integer_div_error);
}
''')


cpp_fused_cat_native_group_norm_silu_48 = async_compile.cpp_pybinding(['float*', 'const float*', 'const float*', 'const float*', 'const float*', 'float*', 'float*', 'float*', 'float*', 'float*'], r'''
#include <torch/csrc/inductor/cpp_prefix.h>
extern "C"  void  kernel(float* in_out_ptr0,
                       const float* in_ptr0,
                       const float* in_ptr1,
                       const float* in_ptr2,
                       const float* in_ptr3,
                       float* out_ptr0,
                       float* out_ptr2,
                       float* out_ptr3,
                       float* out_ptr4,
                       float* out_ptr5)
{
    std::atomic<int> inductor_cpu_integer_div_error{0};
    inductor_cpu_integer_div_error_flag = &inductor_cpu_integer_div_error;
    auto out_ptr1 = in_out_ptr0;
    {
        #pragma GCC ivdep
        for(int64_t x0=static_cast<int64_t>(0L); x0<static_cast<int64_t>(8L); x0+=static_cast<int64_t>(1L))
        {
            for(int64_t x1=static_cast<int64_t>(0L); x1<static_cast<int64_t>(64L); x1+=static_cast<int64_t>(16L))
            {
                {
                    if(C10_LIKELY(x1 >= static_cast<int64_t>(0) && x1 < static_cast<int64_t>(64L)))
                    {
                        auto tmp0 = at::vec::Vectorized<float>::loadu(in_ptr0 + static_cast<int64_t>(x1 + 64L*x0), static_cast<int64_t>(16));
                        tmp0.store(out_ptr0 + static_cast<int64_t>(x1 + 128L*x0));
                    }
                }
            }
        }
    }
    {
        #pragma GCC ivdep
        for(int64_t x0=static_cast<int64_t>(0L); x0<static_cast<int64_t>(2L); x0+=static_cast<int64_t>(1L))
        {
            #pragma GCC ivdep
            for(int64_t x1=static_cast<int64_t>(0L); x1<static_cast<int64_t>(8L); x1+=static_cast<int64_t>(1L))
            {
                {
                    float tmp_acc0 = 0;
                    at::vec::Vectorized<float> tmp_acc0_vec = at::vec::Vectorized<float>(0);
                    for(int64_t x2=static_cast<int64_t>(0L); x2<static_cast<int64_t>(4L); x2+=static_cast<int64_t>(1L))
                    {
                        for(int64_t x3=static_cast<int64_t>(0L); x3<static_cast<int64_t>(16L); x3+=static_cast<int64_t>(16L))
                        {
                            {
                                if(C10_LIKELY(x3 >= static_cast<int64_t>(0) && x3 < static_cast<int64_t>(16L)))
                                {
                                    auto tmp0 = at::vec::Vectorized<float>::loadu(in_ptr1 + static_cast<int64_t>(x3 + 16L*x1 + 128L*x2 + 512L*x0), static_cast<int64_t>(16));
                                    tmp_acc0_vec = tmp_acc0_vec + tmp0;
                                }
                            }
                        }
                    }
                    tmp_acc0 = tmp_acc0 + at::vec::vec_reduce_all<float, 1>([](at::vec::Vectorized<float>& x, at::vec::Vectorized<float>& y) { return x + y; }, tmp_acc0_vec);
                    out_ptr1[static_cast<int64_t>(x1 + 8L*x0)] = static_cast<float>(tmp_acc0);
                }
            }
        }
    }
    {
        for(int64_t x0=static_cast<int64_t>(0L); x0<static_cast<int64_t>(16L); x0+=static_cast<int64_t>(16L))
        {
            {
                if(C10_LIKELY(x0 >= static_cast<int64_t>(0) && x0 < static_cast<int64_t>(16L)))
                {
                    auto tmp0 = at::vec::Vectorized<float>::loadu(out_ptr1 + static_cast<int64_t>(x0), static_cast<int64_t>(16));
                    auto tmp1 = static_cast<float>(64.0);
                    auto tmp2 = at::vec::Vectorized<float>(tmp1);
                    auto tmp3 = tmp0 / tmp2;
                    tmp3.store(in_out_ptr0 + static_cast<int64_t>(x0));
                }
            }
        }
    }
    {
        #pragma GCC ivdep
        for(int64_t x0=static_cast<int64_t>(0L); x0<static_cast<int64_t>(2L); x0+=static_cast<int64_t>(1L))
        {
            #pragma GCC ivdep
            for(int64_t x1=static_cast<int64_t>(0L); x1<static_cast<int64_t>(8L); x1+=static_cast<int64_t>(1L))
            {
                {
                    float tmp_acc0 = 0;
                    at::vec::Vectorized<float> tmp_acc0_vec = at::vec::Vectorized<float>(0);
                    for(int64_t x2=static_cast<int64_t>(0L); x2<static_cast<int64_t>(4L); x2+=static_cast<int64_t>(1L))
                    {
                        for(int64_t x3=static_cast<int64_t>(0L); x3<static_cast<int64_t>(16L); x3+=static_cast<int64_t>(16L))
                        {
                            {
                                if(C10_LIKELY(x3 >= static_cast<int64_t>(0) && x3 < static_cast<int64_t>(16L)))
                                {
                                    auto tmp0 = at::vec::Vectorized<float>::loadu(in_ptr1 + static_cast<int64_t>(x3 + 16L*x1 + 128L*x2 + 512L*x0), static_cast<int64_t>(16));
                                    auto tmp1 = in_out_ptr0[static_cast<int64_t>(x1 + 8L*x0)];
                                    auto tmp2 = at::vec::Vectorized<float>(tmp1);
                                    auto tmp3 = tmp0 - tmp2;
                                    auto tmp4 = tmp3 * tmp3;
                                    tmp_acc0_vec = tmp_acc0_vec + tmp4;
                                }
                            }
                        }
                    }
                    tmp_acc0 = tmp_acc0 + at::vec::vec_reduce_all<float, 1>([](at::vec::Vectorized<float>& x, at::vec::Vectorized<float>& y) { return x + y; }, tmp_acc0_vec);
                    out_ptr2[static_cast<int64_t>(x1 + 8L*x0)] = static_cast<float>(tmp_acc0);
                }
                for(int64_t x2=static_cast<int64_t>(0L); x2<static_cast<int64_t>(16L); x2+=static_cast<int64_t>(16L))
                {
                    {
                        if(C10_LIKELY(x2 >= static_cast<int64_t>(0) && x2 < static_cast<int64_t>(16L)))
                        {
                            auto tmp0 = out_ptr2[static_cast<int64_t>(x1 + 8L*x0)];
                            auto tmp6 = at::vec::Vectorized<float>::loadu(in_ptr2 + static_cast<int64_t>(x2 + 16L*x1), static_cast<int64_t>(16));
                            auto tmp9 = in_out_ptr0[static_cast<int64_t>(x1 + 8L*x0)];
                            auto tmp13 = at::vec::Vectorized<float>::loadu(in_ptr3 + static_cast<int64_t>(x2 + 16L*x1), static_cast<int64_t>(16));
                            auto tmp1 = static_cast<float>(64.0);
                            auto tmp2 = tmp0 / tmp1;
                            auto tmp3 = static_cast<float>(1e-05);
                            auto tmp4 = float(tmp2 + tmp3);
                            auto tmp5 = 1 / std::sqrt(tmp4);
                            auto tmp7 = at::vec::Vectorized<float>(tmp5);
                            auto tmp8 = tmp7 * tmp6;
                            auto tmp10 = decltype(tmp9)(-tmp9);
                            auto tmp11 = at::vec::Vectorized<float>(tmp10);
                            auto tmp12 = tmp11 * tmp8;
                            auto tmp14 = tmp12 + tmp13;
                            tmp8.store(out_ptr3 + static_cast<int64_t>(x2 + 16L*x1 + 128L*x0));
                            tmp14.store(out_ptr4 + static_cast<int64_t>(x2 + 16L*x1 + 128L*x0));
                        }
                    }
                }
            }
        }
    }
    {
        #pragma GCC ivdep
        for(int64_t x0=static_cast<int64_t>(0L); x0<static_cast<int64_t>(2L); x0+=static_cast<int64_t>(1L))
        {
            #pragma GCC ivdep
            for(int64_t x1=static_cast<int64_t>(0L); x1<static_cast<int64_t>(4L); x1+=static_cast<int64_t>(1L))
            {
                for(int64_t x2=static_cast<int64_t>(0L); x2<static_cast<int64_t>(128L); x2+=static_cast<int64_t>(16L))
                {
                    {
                        if(C10_LIKELY(x2 >= static_cast<int64_t>(0) && x2 < static_cast<int64_t>(128L)))
                        {
                            auto tmp0 = at::vec::Vectorized<float>::loadu(in_ptr1 + static_cast<int64_t>(x2 + 128L*x1 + 512L*x0), static_cast<int64_t>(16));
                            auto tmp1 = at::vec::Vectorized<float>::loadu(out_ptr3 + static_cast<int64_t>(x2 + 128L*x0), static_cast<int64_t>(16));
                            auto tmp3 = at::vec::Vectorized<float>::loadu(out_ptr4 + static_cast<int64_t>(x2 + 128L*x0), static_cast<int64_t>(16));
                            auto tmp2 = tmp0 * tmp1;
                            auto tmp4 = tmp2 + tmp3;
                            auto tmp5 = tmp4.neg();
                            auto tmp6 = tmp5.exp();
                            auto tmp7 = static_cast<float>(1.0);
                            auto tmp8 = at::vec::Vectorized<float>(tmp7);
                            auto tmp9 = tmp6 + tmp8;
                            auto tmp10 = tmp4 / tmp9;
                            tmp10.store(out_ptr5 + static_cast<int64_t>(x2 + 128L*x1 + 512L*x0));
                        }
                    }
                }
            }
        }
    }
    inductor_cpu_integer_div_error_flag = nullptr;
    inductor_cpu_throw_if_integer_div_error(inductor_cpu_integer_div_error);
}
''')


cpp_fused_add_cat_div_49 = async_compile.cpp_pybinding(['const float*', 'float*'], r'''
#include <torch/csrc/inductor/cpp_prefix.h>
extern "C"  void  kernel(const float* in_ptr0,
                       float* out_ptr0)
{
    std::atomic<int> inductor_cpu_integer_div_error{0};
    inductor_cpu_integer_div_error_flag = &inductor_cpu_integer_div_error;
    {
        #pragma GCC ivdep
        for(int64_t x0=static_cast<int64_t>(0L); x0<static_cast<int64_t>(8L); x0+=static_cast<int64_t>(1L))
        {
            for(int64_t x1=static_cast<int64_t>(0L); x1<static_cast<int64_t>(64L); x1+=static_cast<int64_t>(16L))
            {
                {
                    if(C10_LIKELY(x1 >= static_cast<int64_t>(0) && x1 < static_cast<int64_t>(64L)))
                    {
                        auto tmp0 = at::vec::Vectorized<float>::loadu(in_ptr0 + static_cast<int64_t>(x1 + 64L*x0), static_cast<int64_t>(16));
                        tmp0.store(out_ptr0 + static_cast<int64_t>(x1 + 128L*x0));
                    }
                }
            }
        }
    }
    inductor_cpu_integer_div_error_flag = nullptr;
    inductor_cpu_throw_if_integer_div_error(inductor_cpu_integer_div_error);
}
''')


cpp_fused_add_div_native_group_norm_silu_50 = async_compile.cpp_pybinding(['float*', 'const float*', 'const float*', 'const float*', 'const float*', 'const float*', 'const float*', 'float*', 'float*', 'float*', 'float*', 'float*'], r'''
#include <torch/csrc/inductor/cpp_prefix.h>
extern "C"  void  kernel(float* in_out_ptr0,
                       const float* in_ptr0,
                       const float* in_ptr1,
                       const float* in_ptr2,
                       const float* in_ptr3,
                       const float* in_ptr4,
                       const float* in_ptr5,
                       float* out_ptr0,
                       float* out_ptr2,
                       float* out_ptr3,
                       float* out_ptr4,
                       float* out_ptr5)
{
    std::atomic<int> inductor_cpu_integer_div_error{0};
    inductor_cpu_integer_div_error_flag = &inductor_cpu_integer_div_error;
    auto out_ptr1 = in_out_ptr0;
    {
        #pragma GCC ivdep
        for(int64_t x0=static_cast<int64_t>(0L); x0<static_cast<int64_t>(8L); x0+=static_cast<int64_t>(1L))
        {
            for(int64_t x1=static_cast<int64_t>(0L); x1<static_cast<int64_t>(64L); x1+=static_cast<int64_t>(16L))
            {
                {
                    if(C10_LIKELY(x1 >= static_cast<int64_t>(0) && x1 < static_cast<int64_t>(64L)))
                    {
                        auto tmp0 = at::vec::Vectorized<float>::loadu(in_ptr0 + static_cast<int64_t>(x1 + 64L*x0), static_cast<int64_t>(16));
                        auto tmp1 = at::vec::Vectorized<float>::loadu(in_ptr1 + static_cast<int64_t>(x1 + 64L*x0), static_cast<int64_t>(16));
                        auto tmp2 = at::vec::Vectorized<float>::loadu(in_ptr2 + static_cast<int64_t>(x1 + 64L*x0), static_cast<int64_t>(16));
                        auto tmp3 = tmp1 + tmp2;
                        auto tmp4 = static_cast<float>(1.0);
                        auto tmp5 = at::vec::Vectorized<float>(tmp4);
                        auto tmp6 = tmp3 / tmp5;
                        auto tmp7 = tmp0 + tmp6;
                        tmp7.store(out_ptr0 + static_cast<int64_t>(x1 + 128L*x0));
                    }
                }
            }
        }
    }
    {
        #pragma GCC ivdep
        for(int64_t x0=static_cast<int64_t>(0L); x0<static_cast<int64_t>(2L); x0+=static_cast<int64_t>(1L))
        {
            #pragma GCC ivdep
            for(int64_t x1=static_cast<int64_t>(0L); x1<static_cast<int64_t>(8L); x1+=static_cast<int64_t>(1L))
            {
                {
                    float tmp_acc0 = 0;
                    at::vec::Vectorized<float> tmp_acc0_vec = at::vec::Vectorized<float>(0);
                    for(int64_t x2=static_cast<int64_t>(0L); x2<static_cast<int64_t>(4L); x2+=static_cast<int64_t>(1L))
                    {
                        for(int64_t x3=static_cast<int64_t>(0L); x3<static_cast<int64_t>(16L); x3+=static_cast<int64_t>(16L))
                        {
                            {
                                if(C10_LIKELY(x3 >= static_cast<int64_t>(0) && x3 < static_cast<int64_t>(16L)))
                                {
                                    auto tmp0 = at::vec::Vectorized<float>::loadu(in_ptr3 + static_cast<int64_t>(x3 + 16L*x1 + 128L*x2 + 512L*x0), static_cast<int64_t>(16));
                                    tmp_acc0_vec = tmp_acc0_vec + tmp0;
                                }
                            }
                        }
                    }
                    tmp_acc0 = tmp_acc0 + at::vec::vec_reduce_all<float, 1>([](at::vec::Vectorized<float>& x, at::vec::Vectorized<float>& y) { return x + y; }, tmp_acc0_vec);
                    out_ptr1[static_cast<int64_t>(x1 + 8L*x0)] = static_cast<float>(tmp_acc0);
                }
            }
        }
    }
    {
        for(int64_t x0=static_cast<int64_t>(0L); x0<static_cast<int64_t>(16L); x0+=static_cast<int64_t>(16L))
        {
            {
                if(C10_LIKELY(x0 >= static_cast<int64_t>(0) && x0 < static_cast<int64_t>(16L)))
                {
                    auto tmp0 = at::vec::Vectorized<float>::loadu(out_ptr1 + static_cast<int64_t>(x0), static_cast<int64_t>(16));
                    auto tmp1 = static_cast<float>(64.0);
                    auto tmp2 = at::vec::Vectorized<float>(tmp1);
                    auto tmp3 = tmp0 / tmp2;
                    tmp3.store(in_out_ptr0 + static_cast<int64_t>(x0));
                }
            }
        }
    }
    {
        #pragma GCC ivdep
        for(int64_t x0=static_cast<int64_t>(0L); x0<static_cast<int64_t>(2L); x0+=static_cast<int64_t>(1L))
        {
            #pragma GCC ivdep
            for(int64_t x1=static_cast<int64_t>(0L); x1<static_cast<int64_t>(8L); x1+=static_cast<int64_t>(1L))
            {
                {
                    float tmp_acc0 = 0;
                    at::vec::Vectorized<float> tmp_acc0_vec = at::vec::Vectorized<float>(0);
                    for(int64_t x2=static_cast<int64_t>(0L); x2<static_cast<int64_t>(4L); x2+=static_cast<int64_t>(1L))
                    {
                        for(int64_t x3=static_cast<int64_t>(0L); x3<static_cast<int64_t>(16L); x3+=static_cast<int64_t>(16L))
                        {
                            {
                                if(C10_LIKELY(x3 >= static_cast<int64_t>(0) && x3 < static_cast<int64_t>(16L)))
                                {
                                    auto tmp0 = at::vec::Vectorized<float>::loadu(in_ptr3 + static_cast<int64_t>(x3 + 16L*x1 + 128L*x2 + 512L*x0), static_cast<int64_t>(16));
                                    auto tmp1 = in_out_ptr0[static_cast<int64_t>(x1 + 8L*x0)];
                                    auto tmp2 = at::vec::Vectorized<float>(tmp1);
                                    auto tmp3 = tmp0 - tmp2;
                                    auto tmp4 = tmp3 * tmp3;
                                    tmp_acc0_vec = tmp_acc0_vec + tmp4;
                                }
                            }
                        }
                    }
                    tmp_acc0 = tmp_acc0 + at::vec::vec_reduce_all<float, 1>([](at::vec::Vectorized<float>& x, at::vec::Vectorized<float>& y) { return x + y; }, tmp_acc0_vec);
                    out_ptr2[static_cast<int64_t>(x1 + 8L*x0)] = static_cast<float>(tmp_acc0);
                }
                for(int64_t x2=static_cast<int64_t>(0L); x2<static_cast<int64_t>(16L); x2+=static_cast<int64_t>(16L))
                {
                    {
                        if(C10_LIKELY(x2 >= static_cast<int64_t>(0) && x2 < static_cast<int64_t>(16L)))
                        {
                            auto tmp0 = out_ptr2[static_cast<int64_t>(x1 + 8L*x0)];
                            auto tmp6 = at::vec::Vectorized<float>::loadu(in_ptr4 + static_cast<int64_t>(x2 + 16L*x1), static_cast<int64_t>(16));
                            auto tmp9 = in_out_ptr0[static_cast<int64_t>(x1 + 8L*x0)];
                            auto tmp13 = at::vec::Vectorized<float>::loadu(in_ptr5 + static_cast<int64_t>(x2 + 16L*x1), static_cast<int64_t>(16));
                            auto tmp1 = static_cast<float>(64.0);
                            auto tmp2 = tmp0 / tmp1;
                            auto tmp3 = static_cast<float>(1e-05);
                            auto tmp4 = float(tmp2 + tmp3);
                            auto tmp5 = 1 / std::sqrt(tmp4);
                            auto tmp7 = at::vec::Vectorized<float>(tmp5);
                            auto tmp8 = tmp7 * tmp6;
                            auto tmp10 = decltype(tmp9)(-tmp9);
                            auto tmp11 = at::vec::Vectorized<float>(tmp10);
                            auto tmp12 = tmp11 * tmp8;
                            auto tmp14 = tmp12 + tmp13;
                            tmp8.store(out_ptr3 + static_cast<int64_t>(x2 + 16L*x1 + 128L*x0));
                            tmp14.store(out_ptr4 + static_cast<int64_t>(x2 + 16L*x1 + 128L*x0));
                        }
                    }
                }
            }
        }
    }
    {
        #pragma GCC ivdep
        for(int64_t x0=static_cast<int64_t>(0L); x0<static_cast<int64_t>(2L); x0+=static_cast<int64_t>(1L))
        {
            #pragma GCC ivdep
            for(int64_t x1=static_cast<int64_t>(0L); x1<static_cast<int64_t>(4L); x1+=static_cast<int64_t>(1L))
            {
                for(int64_t x2=static_cast<int64_t>(0L); x2<static_cast<int64_t>(128L); x2+=static_cast<int64_t>(16L))
                {
                    {
                        if(C10_LIKELY(x2 >= static_cast<int64_t>(0) && x2 < static_cast<int64_t>(128L)))
                        {
                            auto tmp0 = at::vec::Vectorized<float>::loadu(in_ptr3 + static_cast<int64_t>(x2 + 128L*x1 + 512L*x0), static_cast<int64_t>(16));
                            auto tmp1 = at::vec::Vectorized<float>::loadu(out_ptr3 + static_cast<int64_t>(x2 + 128L*x0), static_cast<int64_t>(16));
                            auto tmp3 = at::vec::Vectorized<float>::loadu(out_ptr4 + static_cast<int64_t>(x2 + 128L*x0), static_cast<int64_t>(16));
                            auto tmp2 = tmp0 * tmp1;
                            auto tmp4 = tmp2 + tmp3;
                            auto tmp5 = tmp4.neg();
                            auto tmp6 = tmp5.exp();
                            auto tmp7 = static_cast<float>(1.0);
                            auto tmp8 = at::vec::Vectorized<float>(tmp7);
                            auto tmp9 = tmp6 + tmp8;
                            auto tmp10 = tmp4 / tmp9;
                            tmp10.store(out_ptr5 + static_cast<int64_t>(x2 + 128L*x1 + 512L*x0));
                        }
                    }
                }
            }
        }
    }
    inductor_cpu_integer_div_error_flag = nullptr;
    inductor_cpu_throw_if_integer_div_error(inductor_cpu_integer_div_error);
}
''')


cpp_fused__to_copy__unsafe_index_add_arange_clone_div_mul_unsqueeze_51 = async_compile.cpp_pybinding(['const float*', 'const float*', 'const float*', 'float*'], r'''
#include <torch/csrc/inductor/cpp_prefix.h>
extern "C"  void  kernel(const float* in_ptr0,
                       const float* in_ptr1,
                       const float* in_ptr2,
                       float* out_ptr0)
{
    std::atomic<int> inductor_cpu_integer_div_error{0};
    inductor_cpu_integer_div_error_flag = &inductor_cpu_integer_div_error;
    {
        #pragma GCC ivdep
        for(int64_t x0=static_cast<int64_t>(0L); x0<static_cast<int64_t>(2L); x0+=static_cast<int64_t>(1L))
        {
            #pragma GCC ivdep
            for(int64_t x1=static_cast<int64_t>(0L); x1<static_cast<int64_t>(4L); x1+=static_cast<int64_t>(1L))
            {
                #pragma GCC ivdep
                for(int64_t x2=static_cast<int64_t>(0L); x2<static_cast<int64_t>(4L); x2+=static_cast<int64_t>(1L))
                {
                    for(int64_t x3=static_cast<int64_t>(0L); x3<static_cast<int64_t>(64L); x3+=static_cast<int64_t>(16L))
                    {
                        {
                            if(C10_LIKELY(x3 >= static_cast<int64_t>(0) && x3 < static_cast<int64_t>(64L)))
                            {
                                auto tmp0 = x1;
                                auto tmp1 = c10::convert<float>(tmp0);
                                auto tmp2 = static_cast<float>(0.5);
                                auto tmp3 = float(tmp1 * tmp2);
                                auto tmp4 = c10::convert<int64_t>(tmp3);
                                auto tmp5 = x2;
                                auto tmp6 = c10::convert<float>(tmp5);
                                auto tmp7 = float(tmp6 * tmp2);
                                auto tmp8 = c10::convert<int64_t>(tmp7);
                                auto tmp9 = at::vec::Vectorized<float>::loadu(in_ptr0 + static_cast<int64_t>(x3 + 64L*tmp8 + 128L*tmp4 + 256L*x0), static_cast<int64_t>(16));
                                auto tmp10 = at::vec::Vectorized<float>::loadu(in_ptr1 + static_cast<int64_t>(x3 + 64L*tmp8 + 128L*tmp4 + 256L*x0), static_cast<int64_t>(16));
                                auto tmp11 = at::vec::Vectorized<float>::loadu(in_ptr2 + static_cast<int64_t>(x3 + 64L*tmp8 + 128L*tmp4 + 256L*x0), static_cast<int64_t>(16));
                                auto tmp12 = tmp10 + tmp11;
                                auto tmp13 = static_cast<float>(1.0);
                                auto tmp14 = at::vec::Vectorized<float>(tmp13);
                                auto tmp15 = tmp12 / tmp14;
                                auto tmp16 = tmp9 + tmp15;
                                tmp16.store(out_ptr0 + static_cast<int64_t>(x3 + 64L*x2 + 256L*x1 + 1024L*x0));
                            }
                        }
                    }
                }
            }
        }
    }
    inductor_cpu_integer_div_error_flag = nullptr;
    inductor_cpu_throw_if_integer_div_error(inductor_cpu_integer_div_error);
}
''')


cpp_fused_cat_native_group_norm_silu_52 = async_compile.cpp_pybinding(['float*', 'const float*', 'const float*', 'const float*', 'const float*', 'float*', 'float*', 'float*', 'float*', 'float*'], r'''
#include <torch/csrc/inductor/cpp_prefix.h>
extern "C"  void  kernel(float* in_out_ptr0,
                       const float* in_ptr0,
                       const float* in_ptr1,
                       const float* in_ptr2,
                       const float* in_ptr3,
                       float* out_ptr0,
                       float* out_ptr2,
                       float* out_ptr3,
                       float* out_ptr4,
                       float* out_ptr5)
{
    std::atomic<int> inductor_cpu_integer_div_error{0};
    inductor_cpu_integer_div_error_flag = &inductor_cpu_integer_div_error;
    auto out_ptr1 = in_out_ptr0;
    {
        #pragma GCC ivdep
        for(int64_t x0=static_cast<int64_t>(0L); x0<static_cast<int64_t>(32L); x0+=static_cast<int64_t>(1L))
        {
            for(int64_t x1=static_cast<int64_t>(0L); x1<static_cast<int64_t>(64L); x1+=static_cast<int64_t>(16L))
            {
                {
                    if(C10_LIKELY(x1 >= static_cast<int64_t>(0) && x1 < static_cast<int64_t>(64L)))
                    {
                        auto tmp0 = at::vec::Vectorized<float>::loadu(in_ptr0 + static_cast<int64_t>(x1 + 64L*x0), static_cast<int64_t>(16));
                        tmp0.store(out_ptr0 + static_cast<int64_t>(x1 + 128L*x0));
                    }
                }
            }
        }
    }
    {
        #pragma GCC ivdep
        for(int64_t x0=static_cast<int64_t>(0L); x0<static_cast<int64_t>(2L); x0+=static_cast<int64_t>(1L))
        {
            #pragma GCC ivdep
            for(int64_t x1=static_cast<int64_t>(0L); x1<static_cast<int64_t>(8L); x1+=static_cast<int64_t>(1L))
            {
                {
                    float tmp_acc0 = 0;
                    at::vec::Vectorized<float> tmp_acc0_vec = at::vec::Vectorized<float>(0);
                    for(int64_t x2=static_cast<int64_t>(0L); x2<static_cast<int64_t>(16L); x2+=static_cast<int64_t>(1L))
                    {
                        for(int64_t x3=static_cast<int64_t>(0L); x3<static_cast<int64_t>(16L); x3+=static_cast<int64_t>(16L))
                        {
                            {
                                if(C10_LIKELY(x3 >= static_cast<int64_t>(0) && x3 < static_cast<int64_t>(16L)))
                                {
                                    auto tmp0 = at::vec::Vectorized<float>::loadu(in_ptr1 + static_cast<int64_t>(x3 + 16L*x1 + 128L*x2 + 2048L*x0), static_cast<int64_t>(16));
                                    tmp_acc0_vec = tmp_acc0_vec + tmp0;
                                }
                            }
                        }
                    }
                    tmp_acc0 = tmp_acc0 + at::vec::vec_reduce_all<float, 1>([](at::vec::Vectorized<float>& x, at::vec::Vectorized<float>& y) { return x + y; }, tmp_acc0_vec);
                    out_ptr1[static_cast<int64_t>(x1 + 8L*x0)] = static_cast<float>(tmp_acc0);
                }
            }
        }
    }
    {
        for(int64_t x0=static_cast<int64_t>(0L); x0<static_cast<int64_t>(16L); x0+=static_cast<int64_t>(16L))
        {
            {
                if(C10_LIKELY(x0 >= static_cast<int64_t>(0) && x0 < static_cast<int64_t>(16L)))
                {
                    auto tmp0 = at::vec::Vectorized<float>::loadu(out_ptr1 + static_cast<int64_t>(x0), static_cast<int64_t>(16));
                    auto tmp1 = static_cast<float>(256.0);
                    auto tmp2 = at::vec::Vectorized<float>(tmp1);
                    auto tmp3 = tmp0 / tmp2;
                    tmp3.store(in_out_ptr0 + static_cast<int64_t>(x0));
                }
            }
        }
    }
    {
        #pragma GCC ivdep
        for(int64_t x0=static_cast<int64_t>(0L); x0<static_cast<int64_t>(2L); x0+=static_cast<int64_t>(1L))
        {
            #pragma GCC ivdep
            for(int64_t x1=static_cast<int64_t>(0L); x1<static_cast<int64_t>(8L); x1+=static_cast<int64_t>(1L))
            {
                {
                    float tmp_acc0 = 0;
                    at::vec::Vectorized<float> tmp_acc0_vec = at::vec::Vectorized<float>(0);
                    for(int64_t x2=static_cast<int64_t>(0L); x2<static_cast<int64_t>(16L); x2+=static_cast<int64_t>(1L))
                    {
                        for(int64_t x3=static_cast<int64_t>(0L); x3<static_cast<int64_t>(16L); x3+=static_cast<int64_t>(16L))
                        {
                            {
                                if(C10_LIKELY(x3 >= static_cast<int64_t>(0) && x3 < static_cast<int64_t>(16L)))
                                {
                                    auto tmp0 = at::vec::Vectorized<float>::loadu(in_ptr1 + static_cast<int64_t>(x3 + 16L*x1 + 128L*x2 + 2048L*x0), static_cast<int64_t>(16));
                                    auto tmp1 = in_out_ptr0[static_cast<int64_t>(x1 + 8L*x0)];
                                    auto tmp2 = at::vec::Vectorized<float>(tmp1);
                                    auto tmp3 = tmp0 - tmp2;
                                    auto tmp4 = tmp3 * tmp3;
                                    tmp_acc0_vec = tmp_acc0_vec + tmp4;
                                }
                            }
                        }
                    }
                    tmp_acc0 = tmp_acc0 + at::vec::vec_reduce_all<float, 1>([](at::vec::Vectorized<float>& x, at::vec::Vectorized<float>& y) { return x + y; }, tmp_acc0_vec);
                    out_ptr2[static_cast<int64_t>(x1 + 8L*x0)] = static_cast<float>(tmp_acc0);
                }
                for(int64_t x2=static_cast<int64_t>(0L); x2<static_cast<int64_t>(16L); x2+=static_cast<int64_t>(16L))
                {
                    {
                        if(C10_LIKELY(x2 >= static_cast<int64_t>(0) && x2 < static_cast<int64_t>(16L)))
                        {
                            auto tmp0 = out_ptr2[static_cast<int64_t>(x1 + 8L*x0)];
                            auto tmp6 = at::vec::Vectorized<float>::loadu(in_ptr2 + static_cast<int64_t>(x2 + 16L*x1), static_cast<int64_t>(16));
                            auto tmp9 = in_out_ptr0[static_cast<int64_t>(x1 + 8L*x0)];
                            auto tmp13 = at::vec::Vectorized<float>::loadu(in_ptr3 + static_cast<int64_t>(x2 + 16L*x1), static_cast<int64_t>(16));
                            auto tmp1 = static_cast<float>(256.0);
                            auto tmp2 = tmp0 / tmp1;
                            auto tmp3 = static_cast<float>(1e-05);
                            auto tmp4 = float(tmp2 + tmp3);
                            auto tmp5 = 1 / std::sqrt(tmp4);
                            auto tmp7 = at::vec::Vectorized<float>(tmp5);
                            auto tmp8 = tmp7 * tmp6;
                            auto tmp10 = decltype(tmp9)(-tmp9);
                            auto tmp11 = at::vec::Vectorized<float>(tmp10);
                            auto tmp12 = tmp11 * tmp8;
                            auto tmp14 = tmp12 + tmp13;
                            tmp8.store(out_ptr3 + static_cast<int64_t>(x2 + 16L*x1 + 128L*x0));
                            tmp14.store(out_ptr4 + static_cast<int64_t>(x2 + 16L*x1 + 128L*x0));
                        }
                    }
                }
            }
        }
    }
    {
        #pragma GCC ivdep
        for(int64_t x0=static_cast<int64_t>(0L); x0<static_cast<int64_t>(2L); x0+=static_cast<int64_t>(1L))
        {
            #pragma GCC ivdep
            for(int64_t x1=static_cast<int64_t>(0L); x1<static_cast<int64_t>(16L); x1+=static_cast<int64_t>(1L))
            {
                for(int64_t x2=static_cast<int64_t>(0L); x2<static_cast<int64_t>(128L); x2+=static_cast<int64_t>(16L))
                {
                    {
                        if(C10_LIKELY(x2 >= static_cast<int64_t>(0) && x2 < static_cast<int64_t>(128L)))
                        {
                            auto tmp0 = at::vec::Vectorized<float>::loadu(in_ptr1 + static_cast<int64_t>(x2 + 128L*x1 + 2048L*x0), static_cast<int64_t>(16));
                            auto tmp1 = at::vec::Vectorized<float>::loadu(out_ptr3 + static_cast<int64_t>(x2 + 128L*x0), static_cast<int64_t>(16));
                            auto tmp3 = at::vec::Vectorized<float>::loadu(out_ptr4 + static_cast<int64_t>(x2 + 128L*x0), static_cast<int64_t>(16));
                            auto tmp2 = tmp0 * tmp1;
                            auto tmp4 = tmp2 + tmp3;
                            auto tmp5 = tmp4.neg();
                            auto tmp6 = tmp5.exp();
                            auto tmp7 = static_cast<float>(1.0);
                            auto tmp8 = at::vec::Vectorized<float>(tmp7);
                            auto tmp9 = tmp6 + tmp8;
                            auto tmp10 = tmp4 / tmp9;
                            tmp10.store(out_ptr5 + static_cast<int64_t>(x2 + 128L*x1 + 2048L*x0));
                        }
                    }
                }
            }
        }
    }
    inductor_cpu_integer_div_error_flag = nullptr;
    inductor_cpu_throw_if_integer_div_error(inductor_cpu_integer_div_error);
}
''')


cpp_fused_add_cat_div_53 = async_compile.cpp_pybinding(['const float*', 'float*'], r'''
#include <torch/csrc/inductor/cpp_prefix.h>
extern "C"  void  kernel(const float* in_ptr0,
                       float* out_ptr0)
{
    std::atomic<int> inductor_cpu_integer_div_error{0};
    inductor_cpu_integer_div_error_flag = &inductor_cpu_integer_div_error;
    {
        #pragma GCC ivdep
        for(int64_t x0=static_cast<int64_t>(0L); x0<static_cast<int64_t>(32L); x0+=static_cast<int64_t>(1L))
        {
            for(int64_t x1=static_cast<int64_t>(0L); x1<static_cast<int64_t>(32L); x1+=static_cast<int64_t>(16L))
            {
                {
                    if(C10_LIKELY(x1 >= static_cast<int64_t>(0) && x1 < static_cast<int64_t>(32L)))
                    {
                        auto tmp0 = at::vec::Vectorized<float>::loadu(in_ptr0 + static_cast<int64_t>(x1 + 32L*x0), static_cast<int64_t>(16));
                        tmp0.store(out_ptr0 + static_cast<int64_t>(x1 + 96L*x0));
                    }
                }
            }
        }
    }
    inductor_cpu_integer_div_error_flag = nullptr;
    inductor_cpu_throw_if_integer_div_error(inductor_cpu_integer_div_error);
}
''')


cpp_fused_add_div_native_group_norm_silu_54 = async_compile.cpp_pybinding(['float*', 'const float*', 'const float*', 'const float*', 'const float*', 'const float*', 'const float*', 'float*', 'float*', 'float*', 'float*', 'float*'], r'''
#include <torch/csrc/inductor/cpp_prefix.h>
extern "C"  void  kernel(float* in_out_ptr0,
                       const float* in_ptr0,
                       const float* in_ptr1,
                       const float* in_ptr2,
                       const float* in_ptr3,
                       const float* in_ptr4,
                       const float* in_ptr5,
                       float* out_ptr0,
                       float* out_ptr2,
                       float* out_ptr3,
                       float* out_ptr4,
                       float* out_ptr5)
{
    std::atomic<int> inductor_cpu_integer_div_error{0};
    inductor_cpu_integer_div_error_flag = &inductor_cpu_integer_div_error;
    auto out_ptr1 = in_out_ptr0;
    {
        #pragma GCC ivdep
        for(int64_t x0=static_cast<int64_t>(0L); x0<static_cast<int64_t>(32L); x0+=static_cast<int64_t>(1L))
        {
            for(int64_t x1=static_cast<int64_t>(0L); x1<static_cast<int64_t>(64L); x1+=static_cast<int64_t>(16L))
            {
                {
                    if(C10_LIKELY(x1 >= static_cast<int64_t>(0) && x1 < static_cast<int64_t>(64L)))
                    {
                        auto tmp0 = at::vec::Vectorized<float>::loadu(in_ptr0 + static_cast<int64_t>(x1 + 64L*x0), static_cast<int64_t>(16));
                        auto tmp1 = at::vec::Vectorized<float>::loadu(in_ptr1 + static_cast<int64_t>(x1 + 64L*x0), static_cast<int64_t>(16));
                        auto tmp2 = at::vec::Vectorized<float>::loadu(in_ptr2 + static_cast<int64_t>(x1 + 64L*x0), static_cast<int64_t>(16));
                        auto tmp3 = tmp1 + tmp2;
                        auto tmp4 = static_cast<float>(1.0);
                        auto tmp5 = at::vec::Vectorized<float>(tmp4);
                        auto tmp6 = tmp3 / tmp5;
                        auto tmp7 = tmp0 + tmp6;
                        tmp7.store(out_ptr0 + static_cast<int64_t>(x1 + 96L*x0));
                    }
                }
            }
        }
    }
    {
        #pragma GCC ivdep
        for(int64_t x0=static_cast<int64_t>(0L); x0<static_cast<int64_t>(2L); x0+=static_cast<int64_t>(1L))
        {
            #pragma GCC ivdep
            for(int64_t x1=static_cast<int64_t>(0L); x1<static_cast<int64_t>(8L); x1+=static_cast<int64_t>(1L))
            {
                {
                    float tmp_acc0 = 0;
                    at::vec::Vectorized<float> tmp_acc0_vec = at::vec::Vectorized<float>(0);
                    for(int64_t x2=static_cast<int64_t>(0L); x2<static_cast<int64_t>(16L); x2+=static_cast<int64_t>(1L))
                    {
                        for(int64_t x3=static_cast<int64_t>(0L); x3<static_cast<int64_t>(12L); x3+=static_cast<int64_t>(16L))
                        {
                            {
                                if(C10_LIKELY(x3 >= static_cast<int64_t>(0L) && x3 < static_cast<int64_t>(12L)))
                                {
                                    auto tmp0 = at::vec::Vectorized<float>::loadu(in_ptr3 + static_cast<int64_t>(x3 + 12L*x1 + 96L*x2 + 1536L*x0), static_cast<int64_t>(12L));
                                    tmp_acc0_vec = sum_masked_reduce(tmp_acc0_vec, tmp0, static_cast<int64_t>(12L));
                                }
                            }
                        }
                    }
                    tmp_acc0 = tmp_acc0 + at::vec::vec_reduce_all<float, 1>([](at::vec::Vectorized<float>& x, at::vec::Vectorized<float>& y) { return x + y; }, tmp_acc0_vec);
                    out_ptr1[static_cast<int64_t>(x1 + 8L*x0)] = static_cast<float>(tmp_acc0);
                }
            }
        }
    }
    {
        for(int64_t x0=static_cast<int64_t>(0L); x0<static_cast<int64_t>(16L); x0+=static_cast<int64_t>(16L))
        {
            {
                if(C10_LIKELY(x0 >= static_cast<int64_t>(0) && x0 < static_cast<int64_t>(16L)))
                {
                    auto tmp0 = at::vec::Vectorized<float>::loadu(out_ptr1 + static_cast<int64_t>(x0), static_cast<int64_t>(16));
                    auto tmp1 = static_cast<float>(192.0);
                    auto tmp2 = at::vec::Vectorized<float>(tmp1);
                    auto tmp3 = tmp0 / tmp2;
                    tmp3.store(in_out_ptr0 + static_cast<int64_t>(x0));
                }
            }
        }
    }
    {
        #pragma GCC ivdep
        for(int64_t x0=static_cast<int64_t>(0L); x0<static_cast<int64_t>(2L); x0+=static_cast<int64_t>(1L))
        {
            #pragma GCC ivdep
            for(int64_t x1=static_cast<int64_t>(0L); x1<static_cast<int64_t>(8L); x1+=static_cast<int64_t>(1L))
            {
                {
                    float tmp_acc0 = 0;
                    at::vec::Vectorized<float> tmp_acc0_vec = at::vec::Vectorized<float>(0);
                    for(int64_t x2=static_cast<int64_t>(0L); x2<static_cast<int64_t>(16L); x2+=static_cast<int64_t>(1L))
                    {
                        for(int64_t x3=static_cast<int64_t>(0L); x3<static_cast<int64_t>(12L); x3+=static_cast<int64_t>(16L))
                        {
                            {
                                if(C10_LIKELY(x3 >= static_cast<int64_t>(0L) && x3 < static_cast<int64_t>(12L)))
                                {
                                    auto tmp0 = at::vec::Vectorized<float>::loadu(in_ptr3 + static_cast<int64_t>(x3 + 12L*x1 + 96L*x2 + 1536L*x0), static_cast<int64_t>(12L));
                                    auto tmp1 = in_out_ptr0[static_cast<int64_t>(x1 + 8L*x0)];
                                    auto tmp2 = at::vec::Vectorized<float>(tmp1);
                                    auto tmp3 = tmp0 - tmp2;
                                    auto tmp4 = tmp3 * tmp3;
                                    tmp_acc0_vec = sum_masked_reduce(tmp_acc0_vec, tmp4, static_cast<int64_t>(12L));
                                }
                            }
                        }
                    }
                    tmp_acc0 = tmp_acc0 + at::vec::vec_reduce_all<float, 1>([](at::vec::Vectorized<float>& x, at::vec::Vectorized<float>& y) { return x + y; }, tmp_acc0_vec);
                    out_ptr2[static_cast<int64_t>(x1 + 8L*x0)] = static_cast<float>(tmp_acc0);
                }
                for(int64_t x2=static_cast<int64_t>(0L); x2<static_cast<int64_t>(12L); x2+=static_cast<int64_t>(16L))
                {
                    {
                        if(C10_LIKELY(x2 >= static_cast<int64_t>(0L) && x2 < static_cast<int64_t>(12L)))
                        {
                            auto tmp0 = out_ptr2[static_cast<int64_t>(x1 + 8L*x0)];
                            auto tmp6 = at::vec::Vectorized<float>::loadu(in_ptr4 + static_cast<int64_t>(x2 + 12L*x1), static_cast<int64_t>(12L));
                            auto tmp9 = in_out_ptr0[static_cast<int64_t>(x1 + 8L*x0)];
                            auto tmp13 = at::vec::Vectorized<float>::loadu(in_ptr5 + static_cast<int64_t>(x2 + 12L*x1), static_cast<int64_t>(12L));
                            auto tmp1 = static_cast<float>(192.0);
                            auto tmp2 = tmp0 / tmp1;
                            auto tmp3 = static_cast<float>(1e-05);
                            auto tmp4 = float(tmp2 + tmp3);
                            auto tmp5 = 1 / std::sqrt(tmp4);
                            auto tmp7 = at::vec::Vectorized<float>(tmp5);
                            auto tmp8 = tmp7 * tmp6;
                            auto tmp10 = decltype(tmp9)(-tmp9);
                            auto tmp11 = at::vec::Vectorized<float>(tmp10);
                            auto tmp12 = tmp11 * tmp8;
                            auto tmp14 = tmp12 + tmp13;
                            tmp8.store(out_ptr3 + static_cast<int64_t>(x2 + 12L*x1 + 96L*x0), static_cast<int64_t>(12L));
                            tmp14.store(out_ptr4 + static_cast<int64_t>(x2 + 12L*x1 + 96L*x0), static_cast<int64_t>(12L));
                        }
                    }
                }
            }
        }
    }
    {
        #pragma GCC ivdep
        for(int64_t x0=static_cast<int64_t>(0L); x0<static_cast<int64_t>(2L); x0+=static_cast<int64_t>(1L))
        {
            #pragma GCC ivdep
            for(int64_t x1=static_cast<int64_t>(0L); x1<static_cast<int64_t>(16L); x1+=static_cast<int64_t>(1L))
            {
                for(int64_t x2=static_cast<int64_t>(0L); x2<static_cast<int64_t>(96L); x2+=static_cast<int64_t>(16L))
                {
                    {
                        if(C10_LIKELY(x2 >= static_cast<int64_t>(0) && x2 < static_cast<int64_t>(96L)))
                        {
                            auto tmp0 = at::vec::Vectorized<float>::loadu(in_ptr3 + static_cast<int64_t>(x2 + 96L*x1 + 1536L*x0), static_cast<int64_t>(16));
                            auto tmp1 = at::vec::Vectorized<float>::loadu(out_ptr3 + static_cast<int64_t>(x2 + 96L*x0), static_cast<int64_t>(16));
                            auto tmp3 = at::vec::Vectorized<float>::loadu(out_ptr4 + static_cast<int64_t>(x2 + 96L*x0), static_cast<int64_t>(16));
                            auto tmp2 = tmp0 * tmp1;
                            auto tmp4 = tmp2 + tmp3;
                            auto tmp5 = tmp4.neg();
                            auto tmp6 = tmp5.exp();
                            auto tmp7 = static_cast<float>(1.0);
                            auto tmp8 = at::vec::Vectorized<float>(tmp7);
                            auto tmp9 = tmp6 + tmp8;
                            auto tmp10 = tmp4 / tmp9;
                            tmp10.store(out_ptr5 + static_cast<int64_t>(x2 + 96L*x1 + 1536L*x0));
                        }
                    }
                }
            }
        }
    }
    inductor_cpu_integer_div_error_flag = nullptr;
    inductor_cpu_throw_if_integer_div_error(inductor_cpu_integer_div_error);
}
''')


cpp_fused__to_copy__unsafe_index_add_arange_clone_div_mul_unsqueeze_55 = async_compile.cpp_pybinding(['const float*', 'const float*', 'const float*', 'float*'], r'''
#include <torch/csrc/inductor/cpp_prefix.h>
extern "C"  void  kernel(const float* in_ptr0,
                       const float* in_ptr1,
                       const float* in_ptr2,
                       float* out_ptr0)
{
    std::atomic<int> inductor_cpu_integer_div_error{0};
    inductor_cpu_integer_div_error_flag = &inductor_cpu_integer_div_error;
    {
        #pragma GCC ivdep
        for(int64_t x0=static_cast<int64_t>(0L); x0<static_cast<int64_t>(2L); x0+=static_cast<int64_t>(1L))
        {
            #pragma GCC ivdep
            for(int64_t x1=static_cast<int64_t>(0L); x1<static_cast<int64_t>(8L); x1+=static_cast<int64_t>(1L))
            {
                #pragma GCC ivdep
                for(int64_t x2=static_cast<int64_t>(0L); x2<static_cast<int64_t>(8L); x2+=static_cast<int64_t>(1L))
                {
                    for(int64_t x3=static_cast<int64_t>(0L); x3<static_cast<int64_t>(64L); x3+=static_cast<int64_t>(16L))
                    {
                        {
                            if(C10_LIKELY(x3 >= static_cast<int64_t>(0) && x3 < static_cast<int64_t>(64L)))
                            {
                                auto tmp0 = x1;
                                auto tmp1 = c10::convert<float>(tmp0);
                                auto tmp2 = static_cast<float>(0.5);
                                auto tmp3 = float(tmp1 * tmp2);
                                auto tmp4 = c10::convert<int64_t>(tmp3);
                                auto tmp5 = x2;
                                auto tmp6 = c10::convert<float>(tmp5);
                                auto tmp7 = float(tmp6 * tmp2);
                                auto tmp8 = c10::convert<int64_t>(tmp7);
                                auto tmp9 = at::vec::Vectorized<float>::loadu(in_ptr0 + static_cast<int64_t>(x3 + 64L*tmp8 + 256L*tmp4 + 1024L*x0), static_cast<int64_t>(16));
                                auto tmp10 = at::vec::Vectorized<float>::loadu(in_ptr1 + static_cast<int64_t>(x3 + 64L*tmp8 + 256L*tmp4 + 1024L*x0), static_cast<int64_t>(16));
                                auto tmp11 = at::vec::Vectorized<float>::loadu(in_ptr2 + static_cast<int64_t>(x3 + 64L*tmp8 + 256L*tmp4 + 1024L*x0), static_cast<int64_t>(16));
                                auto tmp12 = tmp10 + tmp11;
                                auto tmp13 = static_cast<float>(1.0);
                                auto tmp14 = at::vec::Vectorized<float>(tmp13);
                                auto tmp15 = tmp12 / tmp14;
                                auto tmp16 = tmp9 + tmp15;
                                tmp16.store(out_ptr0 + static_cast<int64_t>(x3 + 64L*x2 + 512L*x1 + 4096L*x0));
                            }
                        }
                    }
                }
            }
        }
    }
    inductor_cpu_integer_div_error_flag = nullptr;
    inductor_cpu_throw_if_integer_div_error(inductor_cpu_integer_div_error);
}
''')


cpp_fused_cat_native_group_norm_silu_56 = async_compile.cpp_pybinding(['float*', 'const float*', 'const float*', 'const float*', 'const float*', 'float*', 'float*', 'float*', 'float*', 'float*'], r'''
#include <torch/csrc/inductor/cpp_prefix.h>
extern "C"  void  kernel(float* in_out_ptr0,
                       const float* in_ptr0,
                       const float* in_ptr1,
                       const float* in_ptr2,
                       const float* in_ptr3,
                       float* out_ptr0,
                       float* out_ptr2,
                       float* out_ptr3,
                       float* out_ptr4,
                       float* out_ptr5)
{
    std::atomic<int> inductor_cpu_integer_div_error{0};
    inductor_cpu_integer_div_error_flag = &inductor_cpu_integer_div_error;
    auto out_ptr1 = in_out_ptr0;
    {
        #pragma GCC ivdep
        for(int64_t x0=static_cast<int64_t>(0L); x0<static_cast<int64_t>(128L); x0+=static_cast<int64_t>(1L))
        {
            for(int64_t x1=static_cast<int64_t>(0L); x1<static_cast<int64_t>(64L); x1+=static_cast<int64_t>(16L))
            {
                {
                    if(C10_LIKELY(x1 >= static_cast<int64_t>(0) && x1 < static_cast<int64_t>(64L)))
                    {
                        auto tmp0 = at::vec::Vectorized<float>::loadu(in_ptr0 + static_cast<int64_t>(x1 + 64L*x0), static_cast<int64_t>(16));
                        tmp0.store(out_ptr0 + static_cast<int64_t>(x1 + 96L*x0));
                    }
                }
            }
        }
    }
    {
        #pragma GCC ivdep
        for(int64_t x0=static_cast<int64_t>(0L); x0<static_cast<int64_t>(2L); x0+=static_cast<int64_t>(1L))
        {
            #pragma GCC ivdep
            for(int64_t x1=static_cast<int64_t>(0L); x1<static_cast<int64_t>(8L); x1+=static_cast<int64_t>(1L))
            {
                {
                    float tmp_acc0 = 0;
                    at::vec::Vectorized<float> tmp_acc0_vec = at::vec::Vectorized<float>(0);
                    for(int64_t x2=static_cast<int64_t>(0L); x2<static_cast<int64_t>(64L); x2+=static_cast<int64_t>(1L))
                    {
                        for(int64_t x3=static_cast<int64_t>(0L); x3<static_cast<int64_t>(12L); x3+=static_cast<int64_t>(16L))
                        {
                            {
                                if(C10_LIKELY(x3 >= static_cast<int64_t>(0L) && x3 < static_cast<int64_t>(12L)))
                                {
                                    auto tmp0 = at::vec::Vectorized<float>::loadu(in_ptr1 + static_cast<int64_t>(x3 + 12L*x1 + 96L*x2 + 6144L*x0), static_cast<int64_t>(12L));
                                    tmp_acc0_vec = sum_masked_reduce(tmp_acc0_vec, tmp0, static_cast<int64_t>(12L));
                                }
                            }
                        }
                    }
                    tmp_acc0 = tmp_acc0 + at::vec::vec_reduce_all<float, 1>([](at::vec::Vectorized<float>& x, at::vec::Vectorized<float>& y) { return x + y; }, tmp_acc0_vec);
                    out_ptr1[static_cast<int64_t>(x1 + 8L*x0)] = static_cast<float>(tmp_acc0);
                }
            }
        }
    }
    {
        for(int64_t x0=static_cast<int64_t>(0L); x0<static_cast<int64_t>(16L); x0+=static_cast<int64_t>(16L))
        {
            {
                if(C10_LIKELY(x0 >= static_cast<int64_t>(0) && x0 < static_cast<int64_t>(16L)))
                {
                    auto tmp0 = at::vec::Vectorized<float>::loadu(out_ptr1 + static_cast<int64_t>(x0), static_cast<int64_t>(16));
                    auto tmp1 = static_cast<float>(768.0);
                    auto tmp2 = at::vec::Vectorized<float>(tmp1);
                    auto tmp3 = tmp0 / tmp2;
                    tmp3.store(in_out_ptr0 + static_cast<int64_t>(x0));
                }
            }
        }
    }
    {
        #pragma GCC ivdep
        for(int64_t x0=static_cast<int64_t>(0L); x0<static_cast<int64_t>(2L); x0+=static_cast<int64_t>(1L))
        {
            #pragma GCC ivdep
            for(int64_t x1=static_cast<int64_t>(0L); x1<static_cast<int64_t>(8L); x1+=static_cast<int64_t>(1L))
            {
                {
                    float tmp_acc0 = 0;
                    at::vec::Vectorized<float> tmp_acc0_vec = at::vec::Vectorized<float>(0);
                    for(int64_t x2=static_cast<int64_t>(0L); x2<static_cast<int64_t>(64L); x2+=static_cast<int64_t>(1L))
                    {
                        for(int64_t x3=static_cast<int64_t>(0L); x3<static_cast<int64_t>(12L); x3+=static_cast<int64_t>(16L))
                        {
                            {
                                if(C10_LIKELY(x3 >= static_cast<int64_t>(0L) && x3 < static_cast<int64_t>(12L)))
                                {
                                    auto tmp0 = at::vec::Vectorized<float>::loadu(in_ptr1 + static_cast<int64_t>(x3 + 12L*x1 + 96L*x2 + 6144L*x0), static_cast<int64_t>(12L));
                                    auto tmp1 = in_out_ptr0[static_cast<int64_t>(x1 + 8L*x0)];
                                    auto tmp2 = at::vec::Vectorized<float>(tmp1);
                                    auto tmp3 = tmp0 - tmp2;
                                    auto tmp4 = tmp3 * tmp3;
                                    tmp_acc0_vec = sum_masked_reduce(tmp_acc0_vec, tmp4, static_cast<int64_t>(12L));
                                }
                            }
                        }
                    }
                    tmp_acc0 = tmp_acc0 + at::vec::vec_reduce_all<float, 1>([](at::vec::Vectorized<float>& x, at::vec::Vectorized<float>& y) { return x + y; }, tmp_acc0_vec);
                    out_ptr2[static_cast<int64_t>(x1 + 8L*x0)] = static_cast<float>(tmp_acc0);
                }
                for(int64_t x2=static_cast<int64_t>(0L); x2<static_cast<int64_t>(12L); x2+=static_cast<int64_t>(16L))
                {
                    {
                        if(C10_LIKELY(x2 >= static_cast<int64_t>(0L) && x2 < static_cast<int64_t>(12L)))
                        {
                            auto tmp0 = out_ptr2[static_cast<int64_t>(x1 + 8L*x0)];
                            auto tmp6 = at::vec::Vectorized<float>::loadu(in_ptr2 + static_cast<int64_t>(x2 + 12L*x1), static_cast<int64_t>(12L));
                            auto tmp9 = in_out_ptr0[static_cast<int64_t>(x1 + 8L*x0)];
                            auto tmp13 = at::vec::Vectorized<float>::loadu(in_ptr3 + static_cast<int64_t>(x2 + 12L*x1), static_cast<int64_t>(12L));
                            auto tmp1 = static_cast<float>(768.0);
                            auto tmp2 = tmp0 / tmp1;
                            auto tmp3 = static_cast<float>(1e-05);
                            auto tmp4 = float(tmp2 + tmp3);
                            auto tmp5 = 1 / std::sqrt(tmp4);
                            auto tmp7 = at::vec::Vectorized<float>(tmp5);
                            auto tmp8 = tmp7 * tmp6;
                            auto tmp10 = decltype(tmp9)(-tmp9);
                            auto tmp11 = at::vec::Vectorized<float>(tmp10);
                            auto tmp12 = tmp11 * tmp8;
                            auto tmp14 = tmp12 + tmp13;
                            tmp8.store(out_ptr3 + static_cast<int64_t>(x2 + 12L*x1 + 96L*x0), static_cast<int64_t>(12L));
                            tmp14.store(out_ptr4 + static_cast<int64_t>(x2 + 12L*x1 + 96L*x0), static_cast<int64_t>(12L));
                        }
                    }
                }
            }
        }
    }
    {
        #pragma GCC ivdep
        for(int64_t x0=static_cast<int64_t>(0L); x0<static_cast<int64_t>(2L); x0+=static_cast<int64_t>(1L))
        {
            #pragma GCC ivdep
            for(int64_t x1=static_cast<int64_t>(0L); x1<static_cast<int64_t>(64L); x1+=static_cast<int64_t>(1L))
            {
                for(int64_t x2=static_cast<int64_t>(0L); x2<static_cast<int64_t>(96L); x2+=static_cast<int64_t>(16L))
                {
                    {
                        if(C10_LIKELY(x2 >= static_cast<int64_t>(0) && x2 < static_cast<int64_t>(96L)))
                        {
                            auto tmp0 = at::vec::Vectorized<float>::loadu(in_ptr1 + static_cast<int64_t>(x2 + 96L*x1 + 6144L*x0), static_cast<int64_t>(16));
                            auto tmp1 = at::vec::Vectorized<float>::loadu(out_ptr3 + static_cast<int64_t>(x2 + 96L*x0), static_cast<int64_t>(16));
                            auto tmp3 = at::vec::Vectorized<float>::loadu(out_ptr4 + static_cast<int64_t>(x2 + 96L*x0), static_cast<int64_t>(16));
                            auto tmp2 = tmp0 * tmp1;
                            auto tmp4 = tmp2 + tmp3;
                            auto tmp5 = tmp4.neg();
                            auto tmp6 = tmp5.exp();
                            auto tmp7 = static_cast<float>(1.0);
                            auto tmp8 = at::vec::Vectorized<float>(tmp7);
                            auto tmp9 = tmp6 + tmp8;
                            auto tmp10 = tmp4 / tmp9;
                            tmp10.store(out_ptr5 + static_cast<int64_t>(x2 + 96L*x1 + 6144L*x0));
                        }
                    }
                }
            }
        }
    }
    inductor_cpu_integer_div_error_flag = nullptr;
    inductor_cpu_throw_if_integer_div_error(inductor_cpu_integer_div_error);
}
''')


cpp_fused_add_cat_div_57 = async_compile.cpp_pybinding(['const float*', 'float*'], r'''
#include <torch/csrc/inductor/cpp_prefix.h>
extern "C"  void  kernel(const float* in_ptr0,
                       float* out_ptr0)
{
    std::atomic<int> inductor_cpu_integer_div_error{0};
    inductor_cpu_integer_div_error_flag = &inductor_cpu_integer_div_error;
    {
        #pragma GCC ivdep
        for(int64_t x0=static_cast<int64_t>(0L); x0<static_cast<int64_t>(128L); x0+=static_cast<int64_t>(1L))
        {
            for(int64_t x1=static_cast<int64_t>(0L); x1<static_cast<int64_t>(32L); x1+=static_cast<int64_t>(16L))
            {
                {
                    if(C10_LIKELY(x1 >= static_cast<int64_t>(0) && x1 < static_cast<int64_t>(32L)))
                    {
                        auto tmp0 = at::vec::Vectorized<float>::loadu(in_ptr0 + static_cast<int64_t>(x1 + 32L*x0), static_cast<int64_t>(16));
                        tmp0.store(out_ptr0 + static_cast<int64_t>(x1 + 64L*x0));
                    }
                }
            }
        }
    }
    inductor_cpu_integer_div_error_flag = nullptr;
    inductor_cpu_throw_if_integer_div_error(inductor_cpu_integer_div_error);
}
''')


cpp_fused_add_div_native_group_norm_silu_58 = async_compile.cpp_pybinding(['float*', 'const float*', 'const float*', 'const float*', 'const float*', 'const float*', 'const float*', 'float*', 'float*', 'float*', 'float*', 'float*'], r'''
#include <torch/csrc/inductor/cpp_prefix.h>
extern "C"  void  kernel(float* in_out_ptr0,
                       const float* in_ptr0,
                       const float* in_ptr1,
                       const float* in_ptr2,
                       const float* in_ptr3,
                       const float* in_ptr4,
                       const float* in_ptr5,
                       float* out_ptr0,
                       float* out_ptr2,
                       float* out_ptr3,
                       float* out_ptr4,
                       float* out_ptr5)
{
    std::atomic<int> inductor_cpu_integer_div_error{0};
    inductor_cpu_integer_div_error_flag = &inductor_cpu_integer_div_error;
    auto out_ptr1 = in_out_ptr0;
    {
        #pragma GCC ivdep
        for(int64_t x0=static_cast<int64_t>(0L); x0<static_cast<int64_t>(128L); x0+=static_cast<int64_t>(1L))
        {
            for(int64_t x1=static_cast<int64_t>(0L); x1<static_cast<int64_t>(32L); x1+=static_cast<int64_t>(16L))
            {
                {
                    if(C10_LIKELY(x1 >= static_cast<int64_t>(0) && x1 < static_cast<int64_t>(32L)))
                    {
                        auto tmp0 = at::vec::Vectorized<float>::loadu(in_ptr0 + static_cast<int64_t>(x1 + 32L*x0), static_cast<int64_t>(16));
                        auto tmp1 = at::vec::Vectorized<float>::loadu(in_ptr1 + static_cast<int64_t>(x1 + 32L*x0), static_cast<int64_t>(16));
                        auto tmp2 = at::vec::Vectorized<float>::loadu(in_ptr2 + static_cast<int64_t>(x1 + 32L*x0), static_cast<int64_t>(16));
                        auto tmp3 = tmp1 + tmp2;
                        auto tmp4 = static_cast<float>(1.0);
                        auto tmp5 = at::vec::Vectorized<float>(tmp4);
                        auto tmp6 = tmp3 / tmp5;
                        auto tmp7 = tmp0 + tmp6;
                        tmp7.store(out_ptr0 + static_cast<int64_t>(x1 + 64L*x0));
                    }
                }
            }
        }
    }
    {
        #pragma GCC ivdep
        for(int64_t x0=static_cast<int64_t>(0L); x0<static_cast<int64_t>(2L); x0+=static_cast<int64_t>(1L))
        {
            #pragma GCC ivdep
            for(int64_t x1=static_cast<int64_t>(0L); x1<static_cast<int64_t>(8L); x1+=static_cast<int64_t>(1L))
            {
                {
                    float tmp_acc0 = 0;
                    at::vec::Vectorized<float> tmp_acc0_vec = at::vec::Vectorized<float>(0);
                    for(int64_t x2=static_cast<int64_t>(0L); x2<static_cast<int64_t>(64L); x2+=static_cast<int64_t>(1L))
                    {
                        for(int64_t x3=static_cast<int64_t>(0L); x3<static_cast<int64_t>(8L); x3+=static_cast<int64_t>(16L))
                        {
                            {
                                if(C10_LIKELY(x3 >= static_cast<int64_t>(0L) && x3 < static_cast<int64_t>(8L)))
                                {
                                    auto tmp0 = at::vec::Vectorized<float>::loadu(in_ptr3 + static_cast<int64_t>(x3 + 8L*x1 + 64L*x2 + 4096L*x0), static_cast<int64_t>(8L));
                                    tmp_acc0_vec = sum_masked_reduce(tmp_acc0_vec, tmp0, static_cast<int64_t>(8L));
                                }
                            }
                        }
                    }
                    tmp_acc0 = tmp_acc0 + at::vec::vec_reduce_all<float, 1>([](at::vec::Vectorized<float>& x, at::vec::Vectorized<float>& y) { return x + y; }, tmp_acc0_vec);
                    out_ptr1[static_cast<int64_t>(x1 + 8L*x0)] = static_cast<float>(tmp_acc0);
                }
            }
        }
    }
    {
        for(int64_t x0=static_cast<int64_t>(0L); x0<static_cast<int64_t>(16L); x0+=static_cast<int64_t>(16L))
        {
            {
                if(C10_LIKELY(x0 >= static_cast<int64_t>(0) && x0 < static_cast<int64_t>(16L)))
                {
                    auto tmp0 = at::vec::Vectorized<float>::loadu(out_ptr1 + static_cast<int64_t>(x0), static_cast<int64_t>(16));
                    auto tmp1 = static_cast<float>(512.0);
                    auto tmp2 = at::vec::Vectorized<float>(tmp1);
                    auto tmp3 = tmp0 / tmp2;
                    tmp3.store(in_out_ptr0 + static_cast<int64_t>(x0));
                }
            }
        }
    }
    {
        #pragma GCC ivdep
        for(int64_t x0=static_cast<int64_t>(0L); x0<static_cast<int64_t>(2L); x0+=static_cast<int64_t>(1L))
        {
            #pragma GCC ivdep
            for(int64_t x1=static_cast<int64_t>(0L); x1<static_cast<int64_t>(8L); x1+=static_cast<int64_t>(1L))
            {
                {
                    float tmp_acc0 = 0;
                    at::vec::Vectorized<float> tmp_acc0_vec = at::vec::Vectorized<float>(0);
                    for(int64_t x2=static_cast<int64_t>(0L); x2<static_cast<int64_t>(64L); x2+=static_cast<int64_t>(1L))
                    {
                        for(int64_t x3=static_cast<int64_t>(0L); x3<static_cast<int64_t>(8L); x3+=static_cast<int64_t>(16L))
                        {
                            {
                                if(C10_LIKELY(x3 >= static_cast<int64_t>(0L) && x3 < static_cast<int64_t>(8L)))
                                {
                                    auto tmp0 = at::vec::Vectorized<float>::loadu(in_ptr3 + static_cast<int64_t>(x3 + 8L*x1 + 64L*x2 + 4096L*x0), static_cast<int64_t>(8L));
                                    auto tmp1 = in_out_ptr0[static_cast<int64_t>(x1 + 8L*x0)];
                                    auto tmp2 = at::vec::Vectorized<float>(tmp1);
                                    auto tmp3 = tmp0 - tmp2;
                                    auto tmp4 = tmp3 * tmp3;
                                    tmp_acc0_vec = sum_masked_reduce(tmp_acc0_vec, tmp4, static_cast<int64_t>(8L));
                                }
                            }
                        }
                    }
                    tmp_acc0 = tmp_acc0 + at::vec::vec_reduce_all<float, 1>([](at::vec::Vectorized<float>& x, at::vec::Vectorized<float>& y) { return x + y; }, tmp_acc0_vec);
                    out_ptr2[static_cast<int64_t>(x1 + 8L*x0)] = static_cast<float>(tmp_acc0);
                }
                for(int64_t x2=static_cast<int64_t>(0L); x2<static_cast<int64_t>(8L); x2+=static_cast<int64_t>(16L))
                {
                    {
                        if(C10_LIKELY(x2 >= static_cast<int64_t>(0L) && x2 < static_cast<int64_t>(8L)))
                        {
                            auto tmp0 = out_ptr2[static_cast<int64_t>(x1 + 8L*x0)];
                            auto tmp6 = at::vec::Vectorized<float>::loadu(in_ptr4 + static_cast<int64_t>(x2 + 8L*x1), static_cast<int64_t>(8L));
                            auto tmp9 = in_out_ptr0[static_cast<int64_t>(x1 + 8L*x0)];
                            auto tmp13 = at::vec::Vectorized<float>::loadu(in_ptr5 + static_cast<int64_t>(x2 + 8L*x1), static_cast<int64_t>(8L));
                            auto tmp1 = static_cast<float>(512.0);
                            auto tmp2 = tmp0 / tmp1;
                            auto tmp3 = static_cast<float>(1e-05);
                            auto tmp4 = float(tmp2 + tmp3);
                            auto tmp5 = 1 / std::sqrt(tmp4);
                            auto tmp7 = at::vec::Vectorized<float>(tmp5);
                            auto tmp8 = tmp7 * tmp6;
                            auto tmp10 = decltype(tmp9)(-tmp9);
                            auto tmp11 = at::vec::Vectorized<float>(tmp10);
                            auto tmp12 = tmp11 * tmp8;
                            auto tmp14 = tmp12 + tmp13;
                            tmp8.store(out_ptr3 + static_cast<int64_t>(x2 + 8L*x1 + 64L*x0), static_cast<int64_t>(8L));
                            tmp14.store(out_ptr4 + static_cast<int64_t>(x2 + 8L*x1 + 64L*x0), static_cast<int64_t>(8L));
                        }
                    }
                }
            }
        }
    }
    {
        #pragma GCC ivdep
        for(int64_t x0=static_cast<int64_t>(0L); x0<static_cast<int64_t>(2L); x0+=static_cast<int64_t>(1L))
        {
            #pragma GCC ivdep
            for(int64_t x1=static_cast<int64_t>(0L); x1<static_cast<int64_t>(64L); x1+=static_cast<int64_t>(1L))
            {
                for(int64_t x2=static_cast<int64_t>(0L); x2<static_cast<int64_t>(64L); x2+=static_cast<int64_t>(16L))
                {
                    {
                        if(C10_LIKELY(x2 >= static_cast<int64_t>(0) && x2 < static_cast<int64_t>(64L)))
                        {
                            auto tmp0 = at::vec::Vectorized<float>::loadu(in_ptr3 + static_cast<int64_t>(x2 + 64L*x1 + 4096L*x0), static_cast<int64_t>(16));
                            auto tmp1 = at::vec::Vectorized<float>::loadu(out_ptr3 + static_cast<int64_t>(x2 + 64L*x0), static_cast<int64_t>(16));
                            auto tmp3 = at::vec::Vectorized<float>::loadu(out_ptr4 + static_cast<int64_t>(x2 + 64L*x0), static_cast<int64_t>(16));
                            auto tmp2 = tmp0 * tmp1;
                            auto tmp4 = tmp2 + tmp3;
                            auto tmp5 = tmp4.neg();
                            auto tmp6 = tmp5.exp();
                            auto tmp7 = static_cast<float>(1.0);
                            auto tmp8 = at::vec::Vectorized<float>(tmp7);
                            auto tmp9 = tmp6 + tmp8;
                            auto tmp10 = tmp4 / tmp9;
                            tmp10.store(out_ptr5 + static_cast<int64_t>(x2 + 64L*x1 + 4096L*x0));
                        }
                    }
                }
            }
        }
    }
    inductor_cpu_integer_div_error_flag = nullptr;
    inductor_cpu_throw_if_integer_div_error(inductor_cpu_integer_div_error);
}
''')


cpp_fused_add_div_native_group_norm_silu_59 = async_compile.cpp_pybinding(['float*', 'float*', 'const float*', 'const float*', 'const float*', 'const float*', 'float*', 'float*', 'float*'], r'''
#include <torch/csrc/inductor/cpp_prefix.h>
extern "C"  void  kernel(float* in_out_ptr0,
                       float* in_out_ptr1,
                       const float* in_ptr1,
                       const float* in_ptr2,
                       const float* in_ptr3,
                       const float* in_ptr4,
                       float* out_ptr1,
                       float* out_ptr2,
                       float* out_ptr3)
{
    std::atomic<int> inductor_cpu_integer_div_error{0};
    inductor_cpu_integer_div_error_flag = &inductor_cpu_integer_div_error;
    auto out_ptr0 = in_out_ptr0;
    auto in_ptr0 = in_out_ptr1;
    {
        #pragma GCC ivdep
        for(int64_t x0=static_cast<int64_t>(0L); x0<static_cast<int64_t>(2L); x0+=static_cast<int64_t>(1L))
        {
            #pragma GCC ivdep
            for(int64_t x1=static_cast<int64_t>(0L); x1<static_cast<int64_t>(8L); x1+=static_cast<int64_t>(1L))
            {
                {
                    float tmp_acc0 = 0;
                    at::vec::Vectorized<float> tmp_acc0_vec = at::vec::Vectorized<float>(0);
                    for(int64_t x2=static_cast<int64_t>(0L); x2<static_cast<int64_t>(64L); x2+=static_cast<int64_t>(1L))
                    {
                        for(int64_t x3=static_cast<int64_t>(0L); x3<static_cast<int64_t>(4L); x3+=static_cast<int64_t>(16L))
                        {
                            {
                                if(C10_LIKELY(x3 >= static_cast<int64_t>(0L) && x3 < static_cast<int64_t>(4L)))
                                {
                                    auto tmp0 = at::vec::Vectorized<float>::loadu(in_ptr0 + static_cast<int64_t>(x3 + 4L*x1 + 32L*x2 + 2048L*x0), static_cast<int64_t>(4L));
                                    auto tmp1 = at::vec::Vectorized<float>::loadu(in_ptr1 + static_cast<int64_t>(x3 + 4L*x1 + 32L*x2 + 2048L*x0), static_cast<int64_t>(4L));
                                    auto tmp2 = at::vec::Vectorized<float>::loadu(in_ptr2 + static_cast<int64_t>(x3 + 4L*x1 + 32L*x2 + 2048L*x0), static_cast<int64_t>(4L));
                                    auto tmp3 = tmp1 + tmp2;
                                    auto tmp4 = static_cast<float>(1.0);
                                    auto tmp5 = at::vec::Vectorized<float>(tmp4);
                                    auto tmp6 = tmp3 / tmp5;
                                    auto tmp7 = tmp0 + tmp6;
                                    tmp_acc0_vec = sum_masked_reduce(tmp_acc0_vec, tmp7, static_cast<int64_t>(4L));
                                }
                            }
                        }
                    }
                    tmp_acc0 = tmp_acc0 + at::vec::vec_reduce_all<float, 1>([](at::vec::Vectorized<float>& x, at::vec::Vectorized<float>& y) { return x + y; }, tmp_acc0_vec);
                    out_ptr0[static_cast<int64_t>(x1 + 8L*x0)] = static_cast<float>(tmp_acc0);
                }
            }
        }
    }
    {
        for(int64_t x0=static_cast<int64_t>(0L); x0<static_cast<int64_t>(16L); x0+=static_cast<int64_t>(16L))
        {
            {
                if(C10_LIKELY(x0 >= static_cast<int64_t>(0) && x0 < static_cast<int64_t>(16L)))
                {
                    auto tmp0 = at::vec::Vectorized<float>::loadu(out_ptr0 + static_cast<int64_t>(x0), static_cast<int64_t>(16));
                    auto tmp1 = static_cast<float>(256.0);
                    auto tmp2 = at::vec::Vectorized<float>(tmp1);
                    auto tmp3 = tmp0 / tmp2;
                    tmp3.store(in_out_ptr0 + static_cast<int64_t>(x0));
                }
            }
        }
    }
    {
        #pragma GCC ivdep
        for(int64_t x0=static_cast<int64_t>(0L); x0<static_cast<int64_t>(2L); x0+=static_cast<int64_t>(1L))
        {
            #pragma GCC ivdep
            for(int64_t x1=static_cast<int64_t>(0L); x1<static_cast<int64_t>(8L); x1+=static_cast<int64_t>(1L))
            {
                {
                    float tmp_acc0 = 0;
                    at::vec::Vectorized<float> tmp_acc0_vec = at::vec::Vectorized<float>(0);
                    for(int64_t x2=static_cast<int64_t>(0L); x2<static_cast<int64_t>(64L); x2+=static_cast<int64_t>(1L))
                    {
                        for(int64_t x3=static_cast<int64_t>(0L); x3<static_cast<int64_t>(4L); x3+=static_cast<int64_t>(16L))
                        {
                            {
                                if(C10_LIKELY(x3 >= static_cast<int64_t>(0L) && x3 < static_cast<int64_t>(4L)))
                                {
                                    auto tmp0 = at::vec::Vectorized<float>::loadu(in_ptr0 + static_cast<int64_t>(x3 + 4L*x1 + 32L*x2 + 2048L*x0), static_cast<int64_t>(4L));
                                    auto tmp1 = at::vec::Vectorized<float>::loadu(in_ptr1 + static_cast<int64_t>(x3 + 4L*x1 + 32L*x2 + 2048L*x0), static_cast<int64_t>(4L));
                                    auto tmp2 = at::vec::Vectorized<float>::loadu(in_ptr2 + static_cast<int64_t>(x3 + 4L*x1 + 32L*x2 + 2048L*x0), static_cast<int64_t>(4L));
                                    auto tmp8 = in_out_ptr0[static_cast<int64_t>(x1 + 8L*x0)];
                                    auto tmp3 = tmp1 + tmp2;
                                    auto tmp4 = static_cast<float>(1.0);
                                    auto tmp5 = at::vec::Vectorized<float>(tmp4);
                                    auto tmp6 = tmp3 / tmp5;
                                    auto tmp7 = tmp0 + tmp6;
                                    auto tmp9 = at::vec::Vectorized<float>(tmp8);
                                    auto tmp10 = tmp7 - tmp9;
                                    auto tmp11 = tmp10 * tmp10;
                                    tmp_acc0_vec = sum_masked_reduce(tmp_acc0_vec, tmp11, static_cast<int64_t>(4L));
                                }
                            }
                        }
                    }
                    tmp_acc0 = tmp_acc0 + at::vec::vec_reduce_all<float, 1>([](at::vec::Vectorized<float>& x, at::vec::Vectorized<float>& y) { return x + y; }, tmp_acc0_vec);
                    out_ptr1[static_cast<int64_t>(x1 + 8L*x0)] = static_cast<float>(tmp_acc0);
                }
                for(int64_t x2=static_cast<int64_t>(0L); x2<static_cast<int64_t>(4L); x2+=static_cast<int64_t>(16L))
                {
                    {
                        if(C10_LIKELY(x2 >= static_cast<int64_t>(0L) && x2 < static_cast<int64_t>(4L)))
                        {
                            auto tmp0 = out_ptr1[static_cast<int64_t>(x1 + 8L*x0)];
                            auto tmp6 = at::vec::Vectorized<float>::loadu(in_ptr3 + static_cast<int64_t>(x2 + 4L*x1), static_cast<int64_t>(4L));
                            auto tmp9 = in_out_ptr0[static_cast<int64_t>(x1 + 8L*x0)];
                            auto tmp13 = at::vec::Vectorized<float>::loadu(in_ptr4 + static_cast<int64_t>(x2 + 4L*x1), static_cast<int64_t>(4L));
                            auto tmp1 = static_cast<float>(256.0);
                            auto tmp2 = tmp0 / tmp1;
                            auto tmp3 = static_cast<float>(1e-05);
                            auto tmp4 = float(tmp2 + tmp3);
                            auto tmp5 = 1 / std::sqrt(tmp4);
                            auto tmp7 = at::vec::Vectorized<float>(tmp5);
                            auto tmp8 = tmp7 * tmp6;
                            auto tmp10 = decltype(tmp9)(-tmp9);
                            auto tmp11 = at::vec::Vectorized<float>(tmp10);
                            auto tmp12 = tmp11 * tmp8;
                            auto tmp14 = tmp12 + tmp13;
                            tmp8.store(out_ptr2 + static_cast<int64_t>(x2 + 4L*x1 + 32L*x0), static_cast<int64_t>(4L));
                            tmp14.store(out_ptr3 + static_cast<int64_t>(x2 + 4L*x1 + 32L*x0), static_cast<int64_t>(4L));
                        }
                    }
                }
            }
        }
    }
    {
        #pragma GCC ivdep
        for(int64_t x0=static_cast<int64_t>(0L); x0<static_cast<int64_t>(2L); x0+=static_cast<int64_t>(1L))
        {
            #pragma GCC ivdep
            for(int64_t x1=static_cast<int64_t>(0L); x1<static_cast<int64_t>(64L); x1+=static_cast<int64_t>(1L))
            {
                for(int64_t x2=static_cast<int64_t>(0L); x2<static_cast<int64_t>(32L); x2+=static_cast<int64_t>(16L))
                {
                    {
                        if(C10_LIKELY(x2 >= static_cast<int64_t>(0) && x2 < static_cast<int64_t>(32L)))
                        {
                            auto tmp0 = at::vec::Vectorized<float>::loadu(in_out_ptr1 + static_cast<int64_t>(x2 + 32L*x1 + 2048L*x0), static_cast<int64_t>(16));
                            auto tmp1 = at::vec::Vectorized<float>::loadu(in_ptr1 + static_cast<int64_t>(x2 + 32L*x1 + 2048L*x0), static_cast<int64_t>(16));
                            auto tmp2 = at::vec::Vectorized<float>::loadu(in_ptr2 + static_cast<int64_t>(x2 + 32L*x1 + 2048L*x0), static_cast<int64_t>(16));
                            auto tmp8 = at::vec::Vectorized<float>::loadu(out_ptr2 + static_cast<int64_t>(x2 + 32L*x0), static_cast<int64_t>(16));
                            auto tmp10 = at::vec::Vectorized<float>::loadu(out_ptr3 + static_cast<int64_t>(x2 + 32L*x0), static_cast<int64_t>(16));
                            auto tmp3 = tmp1 + tmp2;
                            auto tmp4 = static_cast<float>(1.0);
                            auto tmp5 = at::vec::Vectorized<float>(tmp4);
                            auto tmp6 = tmp3 / tmp5;
                            auto tmp7 = tmp0 + tmp6;
                            auto tmp9 = tmp7 * tmp8;
                            auto tmp11 = tmp9 + tmp10;
                            auto tmp12 = tmp11.neg();
                            auto tmp13 = tmp12.exp();
                            auto tmp14 = tmp13 + tmp5;
                            auto tmp15 = tmp11 / tmp14;
                            tmp15.store(in_out_ptr1 + static_cast<int64_t>(x2 + 32L*x1 + 2048L*x0));
                        }
                    }
                }
            }
        }
    }
    inductor_cpu_integer_div_error_flag = nullptr;
    inductor_cpu_throw_if_integer_div_error(inductor_cpu_integer_div_error);
}
''')


async_compile.wait(globals())
del async_compile

class Runner:
    def __init__(self, partitions):
        self.partitions = partitions

    def recursively_apply_fns(self, fns):
        new_callables = []
        for fn, c in zip(fns, self.partitions):
            new_callables.append(fn(c))
        self.partitions = new_callables

    def call(self, args):
        arg0_1, arg1_1, arg2_1, arg3_1, arg4_1, arg5_1, arg6_1, arg7_1, arg8_1, arg9_1, arg10_1, arg11_1, arg12_1, arg13_1, arg14_1, arg15_1, arg16_1, arg17_1, arg18_1, arg19_1, arg20_1, arg21_1, arg22_1, arg23_1, arg24_1, arg25_1, arg26_1, arg27_1, arg28_1, arg29_1, arg30_1, arg31_1, arg32_1, arg33_1, arg34_1, arg35_1, arg36_1, arg37_1, arg38_1, arg39_1, arg40_1, arg41_1, arg42_1, arg43_1, arg44_1, arg45_1, arg46_1, arg47_1, arg48_1, arg49_1, arg50_1, arg51_1, arg52_1, arg53_1, arg54_1, arg55_1, arg56_1, arg57_1, arg58_1, arg59_1, arg60_1, arg61_1, arg62_1, arg63_1, arg64_1, arg65_1, arg66_1, arg67_1, arg68_1, arg69_1, arg70_1, arg71_1, arg72_1, arg73_1, arg74_1, arg75_1, arg76_1, arg77_1, arg78_1, arg79_1, arg80_1, arg81_1, arg82_1, arg83_1, arg84_1, arg85_1, arg86_1, arg87_1, arg88_1, arg89_1, arg90_1, arg91_1, arg92_1, arg93_1, arg94_1, arg95_1, arg96_1, arg97_1, arg98_1, arg99_1, arg100_1, arg101_1, arg102_1, arg103_1, arg104_1, arg105_1, arg106_1, arg107_1, arg108_1, arg109_1, arg110_1, arg111_1, arg112_1, arg113_1, arg114_1, arg115_1, arg116_1, arg117_1, arg118_1, arg119_1, arg120_1, arg121_1, arg122_1, arg123_1, arg124_1, arg125_1, arg126_1, arg127_1, arg128_1, arg129_1, arg130_1, arg131_1, arg132_1, arg133_1, arg134_1, arg135_1, arg136_1, arg137_1, arg138_1, arg139_1, arg140_1, arg141_1, arg142_1, arg143_1, arg144_1, arg145_1, arg146_1, arg147_1, arg148_1, arg149_1, arg150_1, arg151_1, arg152_1, arg153_1, arg154_1, arg155_1, arg156_1, arg157_1, arg158_1, arg159_1, arg160_1, arg161_1, arg162_1, arg163_1, arg164_1, arg165_1, arg166_1, arg167_1, arg168_1, arg169_1, arg170_1, arg171_1, arg172_1, arg173_1, arg174_1, arg175_1, arg176_1, arg177_1, arg178_1, arg179_1, arg180_1, arg181_1, arg182_1, arg183_1, arg184_1, arg185_1, arg186_1, arg187_1, arg188_1, arg189_1, arg190_1, arg191_1, arg192_1, arg193_1, arg194_1, arg195_1, arg196_1, arg197_1, arg198_1, arg199_1, arg200_1, arg201_1, arg202_1, arg203_1, arg204_1, arg205_1, arg206_1, arg207_1, arg208_1, arg209_1, arg210_1, arg211_1, arg212_1, arg213_1, arg214_1, arg215_1, arg216_1, arg217_1, arg218_1, arg219_1, arg220_1, arg221_1, arg222_1, arg223_1, arg224_1, arg225_1, arg226_1, arg227_1, arg228_1, arg229_1, arg230_1, arg231_1, arg232_1, arg233_1, arg234_1, arg235_1, arg236_1, arg237_1, arg238_1, arg239_1, arg240_1, arg241_1, arg242_1, arg243_1, arg244_1, arg245_1, arg246_1, arg247_1, arg248_1, arg249_1, arg250_1, arg251_1, arg252_1, arg253_1, arg254_1, arg255_1, arg256_1, arg257_1, arg258_1, arg259_1, arg260_1, arg261_1, arg262_1, arg263_1, arg264_1, arg265_1, arg266_1, arg267_1, arg268_1, arg269_1, arg270_1, arg271_1, arg272_1, arg273_1, arg274_1, arg275_1, arg276_1, arg277_1, arg278_1, arg279_1, arg280_1, arg281_1, arg282_1, arg283_1, arg284_1, arg285_1, arg286_1, arg287_1, arg288_1, arg289_1, arg290_1, arg291_1, arg292_1, arg293_1, arg294_1, arg295_1, arg296_1, arg297_1, arg298_1, arg299_1, arg300_1, arg301_1, arg302_1, arg303_1, arg304_1, arg305_1, arg306_1, arg307_1, arg308_1, arg309_1, arg310_1, arg311_1, arg312_1, arg313_1, arg314_1, arg315_1, arg316_1, arg317_1, arg318_1, arg319_1, arg320_1, arg321_1, arg322_1, arg323_1, arg324_1, arg325_1, arg326_1, arg327_1, arg328_1, arg329_1, arg330_1, arg331_1, arg332_1, arg333_1, arg334_1, arg335_1, arg336_1, arg337_1, arg338_1, arg339_1, arg340_1, arg341_1, arg342_1, arg343_1, arg344_1, arg345_1, arg346_1, arg347_1, arg348_1, arg349_1, arg350_1, arg351_1, arg352_1, arg353_1, arg354_1, arg355_1, arg356_1, arg357_1, arg358_1, arg359_1, arg360_1, arg361_1, arg362_1, arg363_1, arg364_1, arg365_1, arg366_1, arg367_1, arg368_1, arg369_1, arg370_1, arg371_1, arg372_1, arg373_1, arg374_1, arg375_1, arg376_1, arg377_1, arg378_1, arg379_1, arg380_1, arg381_1, arg382_1, arg383_1, arg384_1, arg385_1, arg386_1, arg387_1, arg388_1, arg389_1, arg390_1, arg391_1, arg392_1, arg393_1, arg394_1, arg395_1, arg396_1, arg397_1, arg398_1, arg399_1, arg400_1, arg401_1, arg402_1, arg403_1, arg404_1, arg405_1, arg406_1, arg407_1, arg408_1, arg409_1, arg410_1, arg411_1, arg412_1, arg413_1, arg414_1, arg415_1, arg416_1, arg417_1, arg418_1, arg419_1, arg420_1, arg421_1, arg422_1, arg423_1, arg424_1, arg425_1, arg426_1, arg427_1, arg428_1, arg429_1, arg430_1, arg431_1, arg432_1, arg433_1, arg434_1, arg435_1, arg436_1, arg437_1, arg438_1, arg439_1, arg440_1, arg441_1, arg442_1, arg443_1, arg444_1, arg445_1, arg446_1, arg447_1, arg448_1, arg449_1, arg450_1, arg451_1, arg452_1, arg453_1, arg454_1, arg455_1, arg456_1, arg457_1, arg458_1, arg459_1, arg460_1, arg461_1, arg462_1, arg463_1, arg464_1, arg465_1, arg466_1, arg467_1, arg468_1, arg469_1, arg470_1, arg471_1, arg472_1, arg473_1, arg474_1, arg475_1, arg476_1, arg477_1, arg478_1, arg479_1, arg480_1, arg481_1, arg482_1, arg483_1, arg484_1, arg485_1, arg486_1, arg487_1, arg488_1, arg489_1, arg490_1, arg491_1, arg492_1, arg493_1, arg494_1, arg495_1, arg496_1, arg497_1, arg498_1, arg499_1, arg500_1, arg501_1, arg502_1, arg503_1, arg504_1, arg505_1, arg506_1, arg507_1, arg508_1, arg509_1, arg510_1, arg511_1, arg512_1, arg513_1, arg514_1, arg515_1, arg516_1, arg517_1, arg518_1, arg519_1, arg520_1, arg521_1, arg522_1, arg523_1, arg524_1, arg525_1, arg526_1, arg527_1, arg528_1, arg529_1, arg530_1, arg531_1, arg532_1, arg533_1, arg534_1, arg535_1, arg536_1, arg537_1, arg538_1, arg539_1, arg540_1, arg541_1, arg542_1, arg543_1, arg544_1, arg545_1, arg546_1, arg547_1, arg548_1, arg549_1, arg550_1, arg551_1, arg552_1, arg553_1, arg554_1, arg555_1, arg556_1, arg557_1, arg558_1, arg559_1, arg560_1, arg561_1, arg562_1, arg563_1, arg564_1, arg565_1, arg566_1, arg567_1, arg568_1, arg569_1, arg570_1, arg571_1, arg572_1, arg573_1, arg574_1, arg575_1, arg576_1, arg577_1, arg578_1, arg579_1, arg580_1, arg581_1, arg582_1, arg583_1, arg584_1, arg585_1, arg586_1, arg587_1, arg588_1, arg589_1, arg590_1, arg591_1, arg592_1, arg593_1, arg594_1, arg595_1, arg596_1, arg597_1, arg598_1, arg599_1, arg600_1, arg601_1, arg602_1, arg603_1, arg604_1, arg605_1, arg606_1, arg607_1, arg608_1, arg609_1, arg610_1, arg611_1, arg612_1, arg613_1, arg614_1, arg615_1, arg616_1, arg617_1, arg618_1, arg619_1, arg620_1, arg621_1, arg622_1, arg623_1, arg624_1, arg625_1, arg626_1, arg627_1, arg628_1, arg629_1, arg630_1, arg631_1, arg632_1, arg633_1, arg634_1, arg635_1, arg636_1, arg637_1, arg638_1, arg639_1, arg640_1, arg641_1, arg642_1, arg643_1, arg644_1, arg645_1, arg646_1, arg647_1, arg648_1, arg649_1, arg650_1, arg651_1, arg652_1, arg653_1, arg654_1, arg655_1, arg656_1, arg657_1, arg658_1, arg659_1, arg660_1, arg661_1, arg662_1, arg663_1, arg664_1, arg665_1, arg666_1, arg667_1, arg668_1, arg669_1, arg670_1, arg671_1, arg672_1, arg673_1, arg674_1, arg675_1, arg676_1, arg677_1, arg678_1, arg679_1, arg680_1, arg681_1, arg682_1, arg683_1, arg684_1, arg685_1, arg686_1, arg687_1, arg688_1, arg689_1, arg690_1, arg691_1, arg692_1, arg693_1, arg694_1, arg695_1, arg696_1, arg697_1, arg698_1, arg699_1, arg700_1, arg701_1, arg702_1, arg703_1, arg704_1, arg705_1, arg706_1, arg707_1, arg708_1, arg709_1, arg710_1, arg711_1, arg712_1, arg713_1, arg714_1, arg715_1, arg716_1, arg717_1, arg718_1, arg719_1, arg720_1, arg721_1, arg722_1, arg723_1, arg724_1, arg725_1, arg726_1, arg727_1, arg728_1, arg729_1, arg730_1, arg731_1, arg732_1, arg733_1, arg734_1, arg735_1, arg736_1, arg737_1, arg738_1, arg739_1, arg740_1, arg741_1, arg742_1, arg743_1, arg744_1, arg745_1, arg746_1, arg747_1, arg748_1, arg749_1, arg750_1, arg751_1, arg752_1, arg753_1, arg754_1, arg755_1, arg756_1, arg757_1, arg758_1, arg759_1, arg760_1, arg761_1, arg762_1, arg763_1, arg764_1, arg765_1, arg766_1, arg767_1, arg768_1, arg769_1, arg770_1, arg771_1, arg772_1, arg773_1, arg774_1, arg775_1, arg776_1, arg777_1, arg778_1, arg779_1, arg780_1, arg781_1, arg782_1, arg783_1, arg784_1, arg785_1, arg786_1, arg787_1, arg788_1, arg789_1, arg790_1, arg791_1, arg792_1, arg793_1, arg794_1, arg795_1, arg796_1, arg797_1, arg798_1, arg799_1, arg800_1, arg801_1, arg802_1, arg803_1, arg804_1, arg805_1, arg806_1, arg807_1, arg808_1, arg809_1, arg810_1, arg811_1, arg812_1, arg813_1, arg814_1, arg815_1, arg816_1, arg817_1, arg818_1, arg819_1, arg820_1, arg821_1, arg822_1, arg823_1, arg824_1, arg825_1, arg826_1, arg827_1, arg828_1, arg829_1, arg830_1, arg831_1, arg832_1, arg833_1, arg834_1, arg835_1, arg836_1, arg837_1, arg838_1, arg839_1, arg840_1, arg841_1, arg842_1, arg843_1, arg844_1, arg845_1, arg846_1, arg847_1, arg848_1, arg849_1, arg850_1, arg851_1, arg852_1, arg853_1, arg854_1, arg855_1, arg856_1, arg857_1, arg858_1, arg859_1, arg860_1, arg861_1, arg862_1, arg863_1, arg864_1, arg865_1, arg866_1, arg867_1, arg868_1, arg869_1, arg870_1, arg871_1, arg872_1, arg873_1, arg874_1, arg875_1, arg876_1, arg877_1, arg878_1, arg879_1, arg880_1, arg881_1, arg882_1, arg883_1, arg884_1, arg885_1, arg886_1, arg887_1, arg888_1, arg889_1, arg890_1, arg891_1, arg892_1, arg893_1, arg894_1, arg895_1, arg896_1, arg897_1, arg898_1, arg899_1, arg900_1, arg901_1, arg902_1, arg903_1, arg904_1, arg905_1, arg906_1, arg907_1, arg908_1, arg909_1, arg910_1, arg911_1, arg912_1, arg913_1, arg914_1, arg915_1, arg916_1, arg917_1, arg918_1, arg919_1, arg920_1, arg921_1, arg922_1 = args
        args.clear()
        assert_size_stride(arg0_1, (2, 4, 8, 8), (256, 64, 8, 1), 'input')
        buf0 = empty_strided_cpu((2, 4, 8, 8), (256, 1, 32, 4), torch.float32)
        assert_size_stride(arg6_1, (32, 4, 3, 3), (36, 1, 12, 4), 'input')
        assert_size_stride(arg7_1, (32, ), (1, ), 'input')
        cpp_fused_convolution_0(arg0_1, buf0)
        del arg0_1
        # Topologically Sorted Source Nodes: [sample_3], Original ATen: [aten.convolution]
        buf1 = extern_kernels.convolution(buf0, arg6_1, arg7_1, stride=(1, 1), padding=(1, 1), dilation=(1, 1), transposed=False, output_padding=(0, 0), groups=1)
        assert_size_stride(buf1, (2, 32, 8, 8), (2048, 1, 256, 32), 'torch.ops.aten.convolution.default')
        del arg6_1
        del arg7_1
        del buf0
        assert_size_stride(arg1_1, (), (), 'input')
        buf13 = empty_strided_cpu((2, 32), (32, 1), torch.float32)
        buf11 = reinterpret_tensor(buf13, (2, 16), (32, 1), 0)  # alias
        buf12 = reinterpret_tensor(buf13, (2, 16), (32, 1), 16)  # alias
        buf16 = empty_strided_cpu((2, 32), (32, 1), torch.float32)
        buf14 = reinterpret_tensor(buf16, (2, 16), (32, 1), 0)  # alias
        buf15 = reinterpret_tensor(buf16, (2, 16), (32, 1), 16)  # alias
        assert_size_stride(arg3_1, (128, ), (1, ), 'input')
        assert_size_stride(arg2_1, (128, 32), (32, 1), 'input')
        cpp_fused__to_copy_arange_cat_cos_div_exp_expand_mul_sin_slice_unsqueeze_1(arg1_1, buf13, buf11, buf12, buf14, buf15)
        del arg1_1
        del buf11
        del buf12
        del buf14
        del buf15
        buf17 = empty_strided_cpu((2, 128), (128, 1), torch.float32)
        # Topologically Sorted Source Nodes: [sample], Original ATen: [aten.t, aten.addmm]
        extern_kernels.addmm(arg3_1, buf16, reinterpret_tensor(arg2_1, (32, 128), (1, 32), 0), alpha=1, beta=1, out=buf17)
        del arg2_1
        del arg3_1
        buf18 = buf17; del buf17  # reuse
        assert_size_stride(arg5_1, (128, ), (1, ), 'input')
        assert_size_stride(arg4_1, (128, 128), (128, 1), 'input')
        cpp_fused_silu_2(buf18)
        buf19 = empty_strided_cpu((2, 128), (128, 1), torch.float32)
        # Topologically Sorted Source Nodes: [sample_1, sample_2], Original ATen: [aten.silu, aten.t, aten.addmm]
        extern_kernels.addmm(arg5_1, buf18, reinterpret_tensor(arg4_1, (128, 128), (1, 128), 0), alpha=1, beta=1, out=buf19)
        del arg4_1
        del arg5_1
        buf20 = buf18; del buf18  # reuse
        assert_size_stride(arg13_1, (32, ), (1, ), 'input')
        assert_size_stride(arg12_1, (32, 128), (128, 1), 'input')
        cpp_fused_silu_3(buf19, buf20)
        buf21 = buf16; del buf16  # reuse
        # Topologically Sorted Source Nodes: [temb, linear_2], Original ATen: [aten.silu, aten.t, aten.addmm]
        extern_kernels.addmm(arg13_1, buf20, reinterpret_tensor(arg12_1, (128, 32), (1, 128), 0), alpha=1, beta=1, out=buf21)
        del arg12_1
        del arg13_1
        buf2 = empty_strided_cpu((2, 8, 1, 1), (8, 1, 16, 16), torch.float32)
        buf3 = buf2; del buf2  # reuse
        assert_size_stride(arg8_1, (32, ), (1, ), 'input')
        assert_size_stride(arg9_1, (32, ), (1, ), 'input')
        buf4 = empty_strided_cpu((2, 8, 1, 1), (8, 1, 16, 16), torch.float32)
        buf5 = reinterpret_tensor(buf13, (2, 8, 4, 1), (32, 4, 1, 1), 0); del buf13  # reuse
        buf6 = empty_strided_cpu((2, 8, 4, 1), (32, 4, 1, 1), torch.float32)
        buf7 = empty_strided_cpu((2, 32, 8, 8), (2048, 1, 256, 32), torch.float32)
        assert_size_stride(arg10_1, (32, 32, 3, 3), (288, 1, 96, 32), 'input')
        assert_size_stride(arg11_1, (32, ), (1, ), 'input')
        cpp_fused_native_group_norm_silu_4(buf3, buf1, arg8_1, arg9_1, buf4, buf5, buf6, buf7)
        del arg8_1
        del arg9_1
        # Topologically Sorted Source Nodes: [hidden_states, hidden_states_1, hidden_states_2], Original ATen: [aten.native_group_norm, aten.silu, aten.convolution]
        buf8 = extern_kernels.convolution(buf7, arg10_1, arg11_1, stride=(1, 1), padding=(1, 1), dilation=(1, 1), transposed=False, output_padding=(0, 0), groups=1)
        assert_size_stride(buf8, (2, 32, 8, 8), (2048, 1, 256, 32), 'torch.ops.aten.convolution.default')
        del arg10_1
        del arg11_1
        buf22 = buf4; del buf4  # reuse
        buf23 = buf22; del buf22  # reuse
        assert_size_stride(arg14_1, (32, ), (1, ), 'input')
        assert_size_stride(arg15_1, (32, ), (1, ), 'input')
        buf24 = buf3; del buf3  # reuse
        buf25 = buf6; del buf6  # reuse
        buf26 = buf5; del buf5  # reuse
        buf27 = buf8; del buf8  # reuse
        assert_size_stride(arg16_1, (32, 32, 3, 3), (288, 1, 96, 32), 'input')
        assert_size_stride(arg17_1, (32, ), (1, ), 'input')
        cpp_fused_add_native_group_norm_silu_unsqueeze_5(buf23, buf27, buf21, arg14_1, arg15_1, buf24, buf25, buf26)
        del arg14_1
        del arg15_1
        del buf21
        # Topologically Sorted Source Nodes: [temb_1, hidden_states_3, hidden_states_4, hidden_states_5, hidden_states_7], Original ATen: [aten.unsqueeze, aten.add, aten.native_group_norm, aten.silu, aten.convolution]
        buf28 = extern_kernels.convolution(buf27, arg16_1, arg17_1, stride=(1, 1), padding=(1, 1), dilation=(1, 1), transposed=False, output_padding=(0, 0), groups=1)
        assert_size_stride(buf28, (2, 32, 8, 8), (2048, 1, 256, 32), 'torch.ops.aten.convolution.default')
        del arg16_1
        del arg17_1
        buf29 = buf24; del buf24  # reuse
        buf30 = buf29; del buf29  # reuse
        assert_size_stride(arg18_1, (32, ), (1, ), 'input')
        assert_size_stride(arg19_1, (32, ), (1, ), 'input')
        buf31 = buf23; del buf23  # reuse
        buf32 = buf26; del buf26  # reuse
        buf33 = buf25; del buf25  # reuse
        buf34 = buf27; del buf27  # reuse
        assert_size_stride(arg20_1, (32, 32, 1, 1), (32, 1, 32, 32), 'input')
        assert_size_stride(arg21_1, (32, ), (1, ), 'input')
        cpp_fused_add_div_native_group_norm_6(buf30, buf1, buf28, arg18_1, arg19_1, buf31, buf32, buf33, buf34)
        del arg18_1
        del arg19_1
        # Topologically Sorted Source Nodes: [add_1, output_tensor, hidden_states_8, hidden_states_9], Original ATen: [aten.add, aten.div, aten.native_group_norm, aten.convolution]
        buf35 = extern_kernels.convolution(buf34, arg20_1, arg21_1, stride=(1, 1), padding=(0, 0), dilation=(1, 1), transposed=False, output_padding=(0, 0), groups=1)
        assert_size_stride(buf35, (2, 32, 8, 8), (2048, 1, 256, 32), 'torch.ops.aten.convolution.default')
        del arg20_1
        del arg21_1
        assert_size_stride(arg22_1, (32, ), (1, ), 'input')
        assert_size_stride(arg23_1, (32, ), (1, ), 'input')
        buf36 = empty_strided_cpu((2, 64, 1), (64, 1, 128), torch.float32)
        buf37 = buf36; del buf36  # reuse
        buf38 = empty_strided_cpu((2, 64, 1), (64, 1, 128), torch.float32)
        buf39 = reinterpret_tensor(buf34, (2, 64, 32), (2048, 32, 1), 0); del buf34  # reuse
        assert_size_stride(arg25_1, (8, 32), (32, 1), 'input')
        cpp_fused_native_layer_norm_permute_view_7(buf37, buf35, arg22_1, arg23_1, buf38, buf39)
        del arg22_1
        del arg23_1
        buf41 = empty_strided_cpu((128, 8), (8, 1), torch.float32)
        # Topologically Sorted Source Nodes: [linear_4], Original ATen: [aten.view, aten.t, aten.mm]
        extern_kernels.mm(reinterpret_tensor(buf39, (128, 32), (32, 1), 0), reinterpret_tensor(arg25_1, (32, 8), (1, 32), 0), out=buf41)
        del arg25_1
        assert_size_stride(arg26_1, (32, 8), (8, 1), 'input')
        buf42 = reinterpret_tensor(buf7, (128, 32), (32, 1), 0); del buf7  # reuse
        # Topologically Sorted Source Nodes: [linear_5], Original ATen: [aten.t, aten.mm]
        extern_kernels.mm(buf41, reinterpret_tensor(arg26_1, (8, 32), (1, 8), 0), out=buf42)
        del arg26_1
        assert_size_stride(arg28_1, (8, 32), (32, 1), 'input')
        buf43 = buf41; del buf41  # reuse
        # Topologically Sorted Source Nodes: [linear_6], Original ATen: [aten.view, aten.t, aten.mm]
        extern_kernels.mm(reinterpret_tensor(buf39, (128, 32), (32, 1), 0), reinterpret_tensor(arg28_1, (32, 8), (1, 32), 0), out=buf43)
        del arg28_1
        assert_size_stride(arg29_1, (32, 8), (8, 1), 'input')
        buf44 = empty_strided_cpu((128, 32), (32, 1), torch.float32)
        # Topologically Sorted Source Nodes: [linear_7], Original ATen: [aten.t, aten.mm]
        extern_kernels.mm(buf43, reinterpret_tensor(arg29_1, (8, 32), (1, 8), 0), out=buf44)
        del arg29_1
        assert_size_stride(arg24_1, (32, 32), (32, 1), 'input')
        buf40 = empty_strided_cpu((128, 32), (32, 1), torch.float32)
        # Topologically Sorted Source Nodes: [result], Original ATen: [aten.view, aten.t, aten.mm]
        extern_kernels.mm(reinterpret_tensor(buf39, (128, 32), (32, 1), 0), reinterpret_tensor(arg24_1, (32, 32), (1, 32), 0), out=buf40)
        del arg24_1
        assert_size_stride(arg27_1, (), (), 'input')
        assert_size_stride(arg30_1, (), (), 'input')
        buf55 = reinterpret_tensor(buf40, (2, 8, 64, 4), (2048, 4, 32, 1), 0); del buf40  # reuse
        assert_size_stride(arg32_1, (8, 32), (32, 1), 'input')
        cpp_fused__scaled_dot_product_flash_attention_for_cpu__unsafe_view_add_mul_transpose_view_8(buf55, buf42, arg27_1, buf44, arg30_1)
        del arg27_1
        del arg30_1
        buf46 = buf43; del buf43  # reuse
        # Topologically Sorted Source Nodes: [linear_9], Original ATen: [aten.view, aten.t, aten.mm]
        extern_kernels.mm(reinterpret_tensor(buf39, (128, 32), (32, 1), 0), reinterpret_tensor(arg32_1, (32, 8), (1, 32), 0), out=buf46)
        del arg32_1
        assert_size_stride(arg33_1, (32, 8), (8, 1), 'input')
        buf47 = buf44; del buf44  # reuse
        # Topologically Sorted Source Nodes: [linear_10], Original ATen: [aten.t, aten.mm]
        extern_kernels.mm(buf46, reinterpret_tensor(arg33_1, (8, 32), (1, 8), 0), out=buf47)
        del arg33_1
        assert_size_stride(arg35_1, (8, 32), (32, 1), 'input')
        buf48 = buf46; del buf46  # reuse
        # Topologically Sorted Source Nodes: [linear_11], Original ATen: [aten.view, aten.t, aten.mm]
        extern_kernels.mm(reinterpret_tensor(buf39, (128, 32), (32, 1), 0), reinterpret_tensor(arg35_1, (32, 8), (1, 32), 0), out=buf48)
        del arg35_1
        assert_size_stride(arg36_1, (32, 8), (8, 1), 'input')
        buf49 = buf42; del buf42  # reuse
        # Topologically Sorted Source Nodes: [linear_12], Original ATen: [aten.t, aten.mm]
        extern_kernels.mm(buf48, reinterpret_tensor(arg36_1, (8, 32), (1, 8), 0), out=buf49)
        del arg36_1
        assert_size_stride(arg31_1, (32, 32), (32, 1), 'input')
        buf45 = empty_strided_cpu((128, 32), (32, 1), torch.float32)
        # Topologically Sorted Source Nodes: [result_4], Original ATen: [aten.view, aten.t, aten.mm]
        extern_kernels.mm(reinterpret_tensor(buf39, (128, 32), (32, 1), 0), reinterpret_tensor(arg31_1, (32, 32), (1, 32), 0), out=buf45)
        del arg31_1
        assert_size_stride(arg34_1, (), (), 'input')
        assert_size_stride(arg37_1, (), (), 'input')
        buf56 = reinterpret_tensor(buf45, (2, 8, 64, 4), (2048, 4, 32, 1), 0); del buf45  # reuse
        assert_size_stride(arg39_1, (8, 32), (32, 1), 'input')
        cpp_fused__scaled_dot_product_flash_attention_for_cpu__unsafe_view_add_mul_transpose_view_8(buf56, buf47, arg34_1, buf49, arg37_1)
        del arg34_1
        del arg37_1
        buf51 = buf48; del buf48  # reuse
        # Topologically Sorted Source Nodes: [linear_14], Original ATen: [aten.view, aten.t, aten.mm]
        extern_kernels.mm(reinterpret_tensor(buf39, (128, 32), (32, 1), 0), reinterpret_tensor(arg39_1, (32, 8), (1, 32), 0), out=buf51)
        del arg39_1
        assert_size_stride(arg40_1, (32, 8), (8, 1), 'input')
        buf52 = buf49; del buf49  # reuse
        # Topologically Sorted Source Nodes: [linear_15], Original ATen: [aten.t, aten.mm]
        extern_kernels.mm(buf51, reinterpret_tensor(arg40_1, (8, 32), (1, 8), 0), out=buf52)
        del arg40_1
        assert_size_stride(arg42_1, (8, 32), (32, 1), 'input')
        buf53 = buf51; del buf51  # reuse
        # Topologically Sorted Source Nodes: [linear_16], Original ATen: [aten.view, aten.t, aten.mm]
        extern_kernels.mm(reinterpret_tensor(buf39, (128, 32), (32, 1), 0), reinterpret_tensor(arg42_1, (32, 8), (1, 32), 0), out=buf53)
        del arg42_1
        assert_size_stride(arg43_1, (32, 8), (8, 1), 'input')
        buf54 = buf47; del buf47  # reuse
        # Topologically Sorted Source Nodes: [linear_17], Original ATen: [aten.t, aten.mm]
        extern_kernels.mm(buf53, reinterpret_tensor(arg43_1, (8, 32), (1, 8), 0), out=buf54)
        del arg43_1
        assert_size_stride(arg38_1, (32, 32), (32, 1), 'input')
        buf50 = empty_strided_cpu((128, 32), (32, 1), torch.float32)
        # Topologically Sorted Source Nodes: [result_8], Original ATen: [aten.view, aten.t, aten.mm]
        extern_kernels.mm(reinterpret_tensor(buf39, (128, 32), (32, 1), 0), reinterpret_tensor(arg38_1, (32, 32), (1, 32), 0), out=buf50)
        del arg38_1
        del buf39
        assert_size_stride(arg41_1, (), (), 'input')
        assert_size_stride(arg44_1, (), (), 'input')
        buf57 = reinterpret_tensor(buf50, (2, 8, 64, 4), (2048, 4, 32, 1), 0); del buf50  # reuse
        cpp_fused__scaled_dot_product_flash_attention_for_cpu__unsafe_view_add_mul_transpose_view_8(buf57, buf52, arg41_1, buf54, arg44_1)
        del arg41_1
        del arg44_1
        del buf52
        del buf54
        # Topologically Sorted Source Nodes: [result, linear_5, mul_3, result_1, linear_7, mul_4, result_2, view, query, result_4, linear_10, mul_5, result_5, linear_12, mul_6, result_6, view_1, key, result_8, linear_15, mul_7, result_9, linear_17, mul_8, result_10, view_2, value, hidden_states_11], Original ATen: [aten._unsafe_view, aten.mul, aten.add, aten.view, aten.transpose, aten._scaled_dot_product_flash_attention_for_cpu]
        buf58 = torch.ops.aten._scaled_dot_product_flash_attention_for_cpu.default(buf55, buf56, buf57)
        buf59 = buf58[0]
        assert_size_stride(buf59, (2, 8, 64, 4), (2048, 4, 32, 1), 'torch.ops.aten._scaled_dot_product_flash_attention_for_cpu.default')
        assert_alignment(buf59, 16, 'torch.ops.aten._scaled_dot_product_flash_attention_for_cpu.default')
        del buf58
        assert_size_stride(arg47_1, (8, 32), (32, 1), 'input')
        buf62 = buf53; del buf53  # reuse
        # Topologically Sorted Source Nodes: [transpose_3, hidden_states_12, linear_19], Original ATen: [aten.transpose, aten.view, aten.t, aten.mm]
        extern_kernels.mm(reinterpret_tensor(buf59, (128, 32), (32, 1), 0), reinterpret_tensor(arg47_1, (32, 8), (1, 32), 0), out=buf62)
        del arg47_1
        assert_size_stride(arg48_1, (32, 8), (8, 1), 'input')
        buf63 = reinterpret_tensor(buf57, (128, 32), (32, 1), 0); del buf57  # reuse
        # Topologically Sorted Source Nodes: [linear_20], Original ATen: [aten.t, aten.mm]
        extern_kernels.mm(buf62, reinterpret_tensor(arg48_1, (8, 32), (1, 8), 0), out=buf63)
        del arg48_1
        assert_size_stride(arg50_1, (8, 32), (32, 1), 'input')
        buf64 = buf62; del buf62  # reuse
        # Topologically Sorted Source Nodes: [transpose_3, hidden_states_12, linear_21], Original ATen: [aten.transpose, aten.view, aten.t, aten.mm]
        extern_kernels.mm(reinterpret_tensor(buf59, (128, 32), (32, 1), 0), reinterpret_tensor(arg50_1, (32, 8), (1, 32), 0), out=buf64)
        del arg50_1
        assert_size_stride(arg51_1, (32, 8), (8, 1), 'input')
        buf65 = reinterpret_tensor(buf56, (128, 32), (32, 1), 0); del buf56  # reuse
        # Topologically Sorted Source Nodes: [linear_22], Original ATen: [aten.t, aten.mm]
        extern_kernels.mm(buf64, reinterpret_tensor(arg51_1, (8, 32), (1, 8), 0), out=buf65)
        del arg51_1
        assert_size_stride(arg46_1, (32, ), (1, ), 'input')
        assert_size_stride(arg45_1, (32, 32), (32, 1), 'input')
        buf61 = reinterpret_tensor(buf55, (128, 32), (32, 1), 0); del buf55  # reuse
        # Topologically Sorted Source Nodes: [transpose_3, hidden_states_12, result_12], Original ATen: [aten.transpose, aten.view, aten.t, aten.addmm]
        extern_kernels.addmm(arg46_1, reinterpret_tensor(buf59, (128, 32), (32, 1), 0), reinterpret_tensor(arg45_1, (32, 32), (1, 32), 0), alpha=1, beta=1, out=buf61)
        del arg45_1
        del arg46_1
        assert_size_stride(arg49_1, (), (), 'input')
        assert_size_stride(arg52_1, (), (), 'input')
        buf66 = reinterpret_tensor(buf61, (2, 64, 32), (2048, 32, 1), 0); del buf61  # reuse
        assert_size_stride(arg53_1, (32, ), (1, ), 'input')
        assert_size_stride(arg54_1, (32, ), (1, ), 'input')
        buf67 = buf38; del buf38  # reuse
        buf68 = buf67; del buf67  # reuse
        buf69 = buf37; del buf37  # reuse
        buf70 = reinterpret_tensor(buf59, (2, 64, 32), (2048, 32, 1), 0); del buf59  # reuse
        assert_size_stride(arg57_1, (8, 32), (32, 1), 'input')
        cpp_fused__unsafe_view_add_div_mul_native_layer_norm_permute_view_9(buf66, buf68, buf63, arg49_1, buf65, arg52_1, buf35, arg53_1, arg54_1, buf69, buf70)
        del arg49_1
        del arg52_1
        del arg53_1
        del arg54_1
        buf72 = buf64; del buf64  # reuse
        # Topologically Sorted Source Nodes: [linear_24], Original ATen: [aten.view, aten.t, aten.mm]
        extern_kernels.mm(reinterpret_tensor(buf70, (128, 32), (32, 1), 0), reinterpret_tensor(arg57_1, (32, 8), (1, 32), 0), out=buf72)
        del arg57_1
        assert_size_stride(arg58_1, (32, 8), (8, 1), 'input')
        buf73 = buf65; del buf65  # reuse
        # Topologically Sorted Source Nodes: [linear_25], Original ATen: [aten.t, aten.mm]
        extern_kernels.mm(buf72, reinterpret_tensor(arg58_1, (8, 32), (1, 8), 0), out=buf73)
        del arg58_1
        assert_size_stride(arg60_1, (8, 32), (32, 1), 'input')
        buf74 = buf72; del buf72  # reuse
        # Topologically Sorted Source Nodes: [linear_26], Original ATen: [aten.view, aten.t, aten.mm]
        extern_kernels.mm(reinterpret_tensor(buf70, (128, 32), (32, 1), 0), reinterpret_tensor(arg60_1, (32, 8), (1, 32), 0), out=buf74)
        del arg60_1
        assert_size_stride(arg61_1, (32, 8), (8, 1), 'input')
        buf75 = buf63; del buf63  # reuse
        # Topologically Sorted Source Nodes: [linear_27], Original ATen: [aten.t, aten.mm]
        extern_kernels.mm(buf74, reinterpret_tensor(arg61_1, (8, 32), (1, 8), 0), out=buf75)
        del arg61_1
        assert_size_stride(arg56_1, (32, 32), (32, 1), 'input')
        buf71 = reinterpret_tensor(buf35, (128, 32), (32, 1), 0); del buf35  # reuse
        # Topologically Sorted Source Nodes: [result_16], Original ATen: [aten.view, aten.t, aten.mm]
        extern_kernels.mm(reinterpret_tensor(buf70, (128, 32), (32, 1), 0), reinterpret_tensor(arg56_1, (32, 32), (1, 32), 0), out=buf71)
        del arg56_1
        del buf70
        assert_size_stride(arg59_1, (), (), 'input')
        assert_size_stride(arg62_1, (), (), 'input')
        buf86 = reinterpret_tensor(buf71, (2, 8, 64, 4), (2048, 4, 32, 1), 0); del buf71  # reuse
        assert_size_stride(arg55_1, (2, 77, 32), (2464, 32, 1), 'input')
        assert_size_stride(arg63_1, (32, 32), (32, 1), 'input')
        cpp_fused__scaled_dot_product_flash_attention_for_cpu__unsafe_view_add_mul_transpose_view_8(buf86, buf73, arg59_1, buf75, arg62_1)
        del arg59_1
        del arg62_1
        buf76 = empty_strided_cpu((154, 32), (32, 1), torch.float32)
        # Topologically Sorted Source Nodes: [result_20], Original ATen: [aten.view, aten.t, aten.mm]
        extern_kernels.mm(reinterpret_tensor(arg55_1, (154, 32), (32, 1), 0), reinterpret_tensor(arg63_1, (32, 32), (1, 32), 0), out=buf76)
        del arg63_1
        assert_size_stride(arg64_1, (8, 32), (32, 1), 'input')
        buf77 = empty_strided_cpu((154, 8), (8, 1), torch.float32)
        # Topologically Sorted Source Nodes: [linear_29], Original ATen: [aten.view, aten.t, aten.mm]
        extern_kernels.mm(reinterpret_tensor(arg55_1, (154, 32), (32, 1), 0), reinterpret_tensor(arg64_1, (32, 8), (1, 32), 0), out=buf77)
        del arg64_1
        assert_size_stride(arg65_1, (32, 8), (8, 1), 'input')
        buf78 = empty_strided_cpu((154, 32), (32, 1), torch.float32)
        # Topologically Sorted Source Nodes: [linear_30], Original ATen: [aten.t, aten.mm]
        extern_kernels.mm(buf77, reinterpret_tensor(arg65_1, (8, 32), (1, 8), 0), out=buf78)
        del arg65_1
        assert_size_stride(arg67_1, (8, 32), (32, 1), 'input')
        buf79 = buf77; del buf77  # reuse
        # Topologically Sorted Source Nodes: [linear_31], Original ATen: [aten.view, aten.t, aten.mm]
        extern_kernels.mm(reinterpret_tensor(arg55_1, (154, 32), (32, 1), 0), reinterpret_tensor(arg67_1, (32, 8), (1, 32), 0), out=buf79)
        del arg67_1
        assert_size_stride(arg68_1, (32, 8), (8, 1), 'input')
        buf80 = empty_strided_cpu((154, 32), (32, 1), torch.float32)
        # Topologically Sorted Source Nodes: [linear_32], Original ATen: [aten.t, aten.mm]
        extern_kernels.mm(buf79, reinterpret_tensor(arg68_1, (8, 32), (1, 8), 0), out=buf80)
        del arg68_1
        assert_size_stride(arg66_1, (), (), 'input')
        assert_size_stride(arg69_1, (), (), 'input')
        buf87 = reinterpret_tensor(buf76, (2, 8, 77, 4), (2464, 4, 32, 1), 0); del buf76  # reuse
        assert_size_stride(arg70_1, (32, 32), (32, 1), 'input')
        cpp_fused__scaled_dot_product_flash_attention_for_cpu__unsafe_view_add_mul_transpose_view_10(buf87, buf78, arg66_1, buf80, arg69_1)
        del arg66_1
        del arg69_1
        buf81 = buf80; del buf80  # reuse
        # Topologically Sorted Source Nodes: [result_24], Original ATen: [aten.view, aten.t, aten.mm]
        extern_kernels.mm(reinterpret_tensor(arg55_1, (154, 32), (32, 1), 0), reinterpret_tensor(arg70_1, (32, 32), (1, 32), 0), out=buf81)
        del arg70_1
        assert_size_stride(arg71_1, (8, 32), (32, 1), 'input')
        buf82 = buf79; del buf79  # reuse
        # Topologically Sorted Source Nodes: [linear_34], Original ATen: [aten.view, aten.t, aten.mm]
        extern_kernels.mm(reinterpret_tensor(arg55_1, (154, 32), (32, 1), 0), reinterpret_tensor(arg71_1, (32, 8), (1, 32), 0), out=buf82)
        del arg71_1
        assert_size_stride(arg72_1, (32, 8), (8, 1), 'input')
        buf83 = buf78; del buf78  # reuse
        # Topologically Sorted Source Nodes: [linear_35], Original ATen: [aten.t, aten.mm]
        extern_kernels.mm(buf82, reinterpret_tensor(arg72_1, (8, 32), (1, 8), 0), out=buf83)
        del arg72_1
        assert_size_stride(arg74_1, (8, 32), (32, 1), 'input')
        buf84 = buf82; del buf82  # reuse
        # Topologically Sorted Source Nodes: [linear_36], Original ATen: [aten.view, aten.t, aten.mm]
        extern_kernels.mm(reinterpret_tensor(arg55_1, (154, 32), (32, 1), 0), reinterpret_tensor(arg74_1, (32, 8), (1, 32), 0), out=buf84)
        del arg74_1
        assert_size_stride(arg75_1, (32, 8), (8, 1), 'input')
        buf85 = empty_strided_cpu((154, 32), (32, 1), torch.float32)
        # Topologically Sorted Source Nodes: [linear_37], Original ATen: [aten.t, aten.mm]
        extern_kernels.mm(buf84, reinterpret_tensor(arg75_1, (8, 32), (1, 8), 0), out=buf85)
        del arg75_1
        del buf84
        assert_size_stride(arg73_1, (), (), 'input')
        assert_size_stride(arg76_1, (), (), 'input')
        buf88 = reinterpret_tensor(buf81, (2, 8, 77, 4), (2464, 4, 32, 1), 0); del buf81  # reuse
        cpp_fused__scaled_dot_product_flash_attention_for_cpu__unsafe_view_add_mul_transpose_view_10(buf88, buf83, arg73_1, buf85, arg76_1)
        del arg73_1
        del arg76_1
        del buf83
        del buf85
        # Topologically Sorted Source Nodes: [result_16, linear_25, mul_11, result_17, linear_27, mul_12, result_18, view_3, query_1, result_20, linear_30, mul_13, result_21, linear_32, mul_14, result_22, view_4, key_1, result_24, linear_35, mul_15, result_25, linear_37, mul_16, result_26, view_5, value_1, hidden_states_17], Original ATen: [aten._unsafe_view, aten.mul, aten.add, aten.view, aten.transpose, aten._scaled_dot_product_flash_attention_for_cpu]
        buf89 = torch.ops.aten._scaled_dot_product_flash_attention_for_cpu.default(buf86, buf87, buf88)
        del buf87
        del buf88
        buf90 = buf89[0]
        assert_size_stride(buf90, (2, 8, 64, 4), (2048, 4, 32, 1), 'torch.ops.aten._scaled_dot_product_flash_attention_for_cpu.default')
        assert_alignment(buf90, 16, 'torch.ops.aten._scaled_dot_product_flash_attention_for_cpu.default')
        del buf89
        assert_size_stride(arg79_1, (8, 32), (32, 1), 'input')
        buf93 = buf74; del buf74  # reuse
        # Topologically Sorted Source Nodes: [transpose_7, hidden_states_18, linear_39], Original ATen: [aten.transpose, aten.view, aten.t, aten.mm]
        extern_kernels.mm(reinterpret_tensor(buf90, (128, 32), (32, 1), 0), reinterpret_tensor(arg79_1, (32, 8), (1, 32), 0), out=buf93)
        del arg79_1
        assert_size_stride(arg80_1, (32, 8), (8, 1), 'input')
        buf94 = reinterpret_tensor(buf86, (128, 32), (32, 1), 0); del buf86  # reuse
        # Topologically Sorted Source Nodes: [linear_40], Original ATen: [aten.t, aten.mm]
        extern_kernels.mm(buf93, reinterpret_tensor(arg80_1, (8, 32), (1, 8), 0), out=buf94)
        del arg80_1
        assert_size_stride(arg82_1, (8, 32), (32, 1), 'input')
        buf95 = buf93; del buf93  # reuse
        # Topologically Sorted Source Nodes: [transpose_7, hidden_states_18, linear_41], Original ATen: [aten.transpose, aten.view, aten.t, aten.mm]
        extern_kernels.mm(reinterpret_tensor(buf90, (128, 32), (32, 1), 0), reinterpret_tensor(arg82_1, (32, 8), (1, 32), 0), out=buf95)
        del arg82_1
        assert_size_stride(arg83_1, (32, 8), (8, 1), 'input')
        buf96 = buf75; del buf75  # reuse
        # Topologically Sorted Source Nodes: [linear_42], Original ATen: [aten.t, aten.mm]
        extern_kernels.mm(buf95, reinterpret_tensor(arg83_1, (8, 32), (1, 8), 0), out=buf96)
        del arg83_1
        del buf95
        assert_size_stride(arg78_1, (32, ), (1, ), 'input')
        assert_size_stride(arg77_1, (32, 32), (32, 1), 'input')
        buf92 = buf73; del buf73  # reuse
        # Topologically Sorted Source Nodes: [transpose_7, hidden_states_18, result_28], Original ATen: [aten.transpose, aten.view, aten.t, aten.addmm]
        extern_kernels.addmm(arg78_1, reinterpret_tensor(buf90, (128, 32), (32, 1), 0), reinterpret_tensor(arg77_1, (32, 32), (1, 32), 0), alpha=1, beta=1, out=buf92)
        del arg77_1
        del arg78_1
        assert_size_stride(arg81_1, (), (), 'input')
        assert_size_stride(arg84_1, (), (), 'input')
        buf97 = reinterpret_tensor(buf92, (2, 64, 32), (2048, 32, 1), 0); del buf92  # reuse
        assert_size_stride(arg85_1, (32, ), (1, ), 'input')
        assert_size_stride(arg86_1, (32, ), (1, ), 'input')
        buf98 = buf69; del buf69  # reuse
        buf99 = buf98; del buf98  # reuse
        buf100 = buf68; del buf68  # reuse
        buf101 = reinterpret_tensor(buf90, (2, 64, 32), (2048, 32, 1), 0); del buf90  # reuse
        assert_size_stride(arg88_1, (256, ), (1, ), 'input')
        assert_size_stride(arg87_1, (256, 32), (32, 1), 'input')
        cpp_fused__unsafe_view_add_div_mul_native_layer_norm_permute_view_9(buf97, buf99, buf94, arg81_1, buf96, arg84_1, buf66, arg85_1, arg86_1, buf100, buf101)
        del arg81_1
        del arg84_1
        del arg85_1
        del arg86_1
        del buf66
        del buf94
        del buf96
        buf102 = empty_strided_cpu((128, 256), (256, 1), torch.float32)
        # Topologically Sorted Source Nodes: [norm_hidden_states_2, hidden_states_23], Original ATen: [aten.native_layer_norm, aten.view, aten.t, aten.addmm]
        extern_kernels.addmm(arg88_1, reinterpret_tensor(buf101, (128, 32), (32, 1), 0), reinterpret_tensor(arg87_1, (32, 256), (1, 32), 0), alpha=1, beta=1, out=buf102)
        del arg87_1
        del arg88_1
        buf103 = empty_strided_cpu((2, 64, 128), (8192, 128, 1), torch.float32)
        assert_size_stride(arg90_1, (32, ), (1, ), 'input')
        assert_size_stride(arg89_1, (32, 128), (128, 1), 'input')
        cpp_fused_gelu_mul_split_view_11(buf102, buf103)
        del buf102
        buf104 = reinterpret_tensor(buf101, (128, 32), (32, 1), 0); del buf101  # reuse
        # Topologically Sorted Source Nodes: [hidden_states_23, chunk, gelu, hidden_states_25, hidden_states_27], Original ATen: [aten.view, aten.split, aten.gelu, aten.mul, aten.t, aten.addmm]
        extern_kernels.addmm(arg90_1, reinterpret_tensor(buf103, (128, 128), (128, 1), 0), reinterpret_tensor(arg89_1, (128, 32), (1, 128), 0), alpha=1, beta=1, out=buf104)
        del arg89_1
        del arg90_1
        del buf103
        buf105 = reinterpret_tensor(buf104, (2, 32, 8, 8), (2048, 1, 256, 32), 0); del buf104  # reuse
        assert_size_stride(arg91_1, (32, 32, 1, 1), (32, 1, 32, 32), 'input')
        assert_size_stride(arg92_1, (32, ), (1, ), 'input')
        cpp_fused_add_clone_permute_view_12(buf105, buf97)
        del buf97
        # Topologically Sorted Source Nodes: [hidden_states_27, hidden_states_28, reshape_3, permute_1, hidden_states_29, hidden_states_30], Original ATen: [aten.view, aten.add, aten.permute, aten.clone, aten.convolution]
        buf106 = extern_kernels.convolution(buf105, arg91_1, arg92_1, stride=(1, 1), padding=(0, 0), dilation=(1, 1), transposed=False, output_padding=(0, 0), groups=1)
        assert_size_stride(buf106, (2, 32, 8, 8), (2048, 1, 256, 32), 'torch.ops.aten.convolution.default')
        del arg91_1
        del arg92_1
        del buf105
        buf107 = buf106; del buf106  # reuse
        buf869 = empty_strided_cpu((2, 96, 8, 8), (6144, 1, 768, 96), torch.float32)
        buf868 = reinterpret_tensor(buf869, (2, 32, 8, 8), (6144, 1, 768, 96), 64)  # alias
        assert_size_stride(arg93_1, (32, 32, 3, 3), (288, 1, 96, 32), 'input')
        assert_size_stride(arg94_1, (32, ), (1, ), 'input')
        cpp_fused_add_cat_div_13(buf107, buf1, buf28, buf868)
        del buf28
        # Topologically Sorted Source Nodes: [hidden_states_31], Original ATen: [aten.convolution]
        buf108 = extern_kernels.convolution(buf107, arg93_1, arg94_1, stride=(2, 2), padding=(1, 1), dilation=(1, 1), transposed=False, output_padding=(0, 0), groups=1)
        assert_size_stride(buf108, (2, 32, 4, 4), (512, 1, 128, 32), 'torch.ops.aten.convolution.default')
        del arg93_1
        del arg94_1
        del buf107
        assert_size_stride(arg105_1, (64, 32, 1, 1), (32, 1, 32, 32), 'input')
        assert_size_stride(arg106_1, (64, ), (1, ), 'input')
        # Topologically Sorted Source Nodes: [input_tensor], Original ATen: [aten.convolution]
        buf121 = extern_kernels.convolution(buf108, arg105_1, arg106_1, stride=(1, 1), padding=(0, 0), dilation=(1, 1), transposed=False, output_padding=(0, 0), groups=1)
        assert_size_stride(buf121, (2, 64, 4, 4), (1024, 1, 256, 64), 'torch.ops.aten.convolution.default')
        del arg105_1
        del arg106_1
        buf116 = buf20; del buf20  # reuse
        assert_size_stride(arg100_1, (64, ), (1, ), 'input')
        assert_size_stride(arg99_1, (64, 128), (128, 1), 'input')
        cpp_fused_silu_3(buf19, buf116)
        buf117 = reinterpret_tensor(buf99, (2, 64), (64, 1), 0); del buf99  # reuse
        # Topologically Sorted Source Nodes: [temb_2, linear_45], Original ATen: [aten.silu, aten.t, aten.addmm]
        extern_kernels.addmm(arg100_1, buf116, reinterpret_tensor(arg99_1, (128, 64), (1, 128), 0), alpha=1, beta=1, out=buf117)
        del arg100_1
        del arg99_1
        buf109 = buf31; del buf31  # reuse
        buf110 = buf109; del buf109  # reuse
        assert_size_stride(arg95_1, (32, ), (1, ), 'input')
        assert_size_stride(arg96_1, (32, ), (1, ), 'input')
        buf111 = buf30; del buf30  # reuse
        buf112 = buf33; del buf33  # reuse
        buf113 = buf32; del buf32  # reuse
        buf114 = empty_strided_cpu((2, 32, 4, 4), (512, 1, 128, 32), torch.float32)
        assert_size_stride(arg97_1, (64, 32, 3, 3), (288, 1, 96, 32), 'input')
        assert_size_stride(arg98_1, (64, ), (1, ), 'input')
        cpp_fused_native_group_norm_silu_14(buf110, buf108, arg95_1, arg96_1, buf111, buf112, buf113, buf114)
        del arg95_1
        del arg96_1
        del buf112
        del buf113
        # Topologically Sorted Source Nodes: [hidden_states_32, hidden_states_33, hidden_states_34], Original ATen: [aten.native_group_norm, aten.silu, aten.convolution]
        buf115 = extern_kernels.convolution(buf114, arg97_1, arg98_1, stride=(1, 1), padding=(1, 1), dilation=(1, 1), transposed=False, output_padding=(0, 0), groups=1)
        assert_size_stride(buf115, (2, 64, 4, 4), (1024, 1, 256, 64), 'torch.ops.aten.convolution.default')
        del arg97_1
        del arg98_1
        del buf114
        buf118 = buf111; del buf111  # reuse
        buf119 = buf118; del buf118  # reuse
        assert_size_stride(arg101_1, (64, ), (1, ), 'input')
        assert_size_stride(arg102_1, (64, ), (1, ), 'input')
        buf120 = buf110; del buf110  # reuse
        buf122 = reinterpret_tensor(buf100, (2, 8, 8, 1), (64, 8, 1, 1), 0); del buf100  # reuse
        buf123 = empty_strided_cpu((2, 8, 8, 1), (64, 8, 1, 1), torch.float32)
        buf124 = buf115; del buf115  # reuse
        assert_size_stride(arg103_1, (64, 64, 3, 3), (576, 1, 192, 64), 'input')
        assert_size_stride(arg104_1, (64, ), (1, ), 'input')
        cpp_fused_add_native_group_norm_silu_unsqueeze_15(buf119, buf124, buf117, arg101_1, arg102_1, buf120, buf122, buf123)
        del arg101_1
        del arg102_1
        del buf117
        # Topologically Sorted Source Nodes: [temb_3, hidden_states_35, hidden_states_36, hidden_states_37, hidden_states_39], Original ATen: [aten.unsqueeze, aten.add, aten.native_group_norm, aten.silu, aten.convolution]
        buf125 = extern_kernels.convolution(buf124, arg103_1, arg104_1, stride=(1, 1), padding=(1, 1), dilation=(1, 1), transposed=False, output_padding=(0, 0), groups=1)
        assert_size_stride(buf125, (2, 64, 4, 4), (1024, 1, 256, 64), 'torch.ops.aten.convolution.default')
        del arg103_1
        del arg104_1
        buf126 = buf120; del buf120  # reuse
        buf127 = buf126; del buf126  # reuse
        assert_size_stride(arg107_1, (64, ), (1, ), 'input')
        assert_size_stride(arg108_1, (64, ), (1, ), 'input')
        buf128 = buf119; del buf119  # reuse
        buf129 = buf123; del buf123  # reuse
        buf130 = buf122; del buf122  # reuse
        buf131 = buf124; del buf124  # reuse
        assert_size_stride(arg109_1, (64, 64, 1, 1), (64, 1, 64, 64), 'input')
        assert_size_stride(arg110_1, (64, ), (1, ), 'input')
        cpp_fused_add_div_native_group_norm_16(buf127, buf121, buf125, arg107_1, arg108_1, buf128, buf129, buf130, buf131)
        del arg107_1
        del arg108_1
        del buf127
        del buf128
        del buf129
        del buf130
        # Topologically Sorted Source Nodes: [add_23, output_tensor_1, hidden_states_40, hidden_states_41], Original ATen: [aten.add, aten.div, aten.native_group_norm, aten.convolution]
        buf132 = extern_kernels.convolution(buf131, arg109_1, arg110_1, stride=(1, 1), padding=(0, 0), dilation=(1, 1), transposed=False, output_padding=(0, 0), groups=1)
        assert_size_stride(buf132, (2, 64, 4, 4), (1024, 1, 256, 64), 'torch.ops.aten.convolution.default')
        del arg109_1
        del arg110_1
        assert_size_stride(arg111_1, (64, ), (1, ), 'input')
        assert_size_stride(arg112_1, (64, ), (1, ), 'input')
        buf133 = empty_strided_cpu((2, 16, 1), (16, 1, 32), torch.float32)
        buf134 = buf133; del buf133  # reuse
        buf135 = empty_strided_cpu((2, 16, 1), (16, 1, 32), torch.float32)
        buf136 = reinterpret_tensor(buf131, (2, 16, 64), (1024, 64, 1), 0); del buf131  # reuse
        assert_size_stride(arg114_1, (8, 64), (64, 1), 'input')
        cpp_fused_native_layer_norm_permute_view_17(buf134, buf132, arg111_1, arg112_1, buf135, buf136)
        del arg111_1
        del arg112_1
        buf138 = reinterpret_tensor(buf116, (32, 8), (8, 1), 0); del buf116  # reuse
        # Topologically Sorted Source Nodes: [linear_47], Original ATen: [aten.view, aten.t, aten.mm]
        extern_kernels.mm(reinterpret_tensor(buf136, (32, 64), (64, 1), 0), reinterpret_tensor(arg114_1, (64, 8), (1, 64), 0), out=buf138)
        del arg114_1
        assert_size_stride(arg115_1, (64, 8), (8, 1), 'input')
        buf139 = empty_strided_cpu((32, 64), (64, 1), torch.float32)
        # Topologically Sorted Source Nodes: [linear_48], Original ATen: [aten.t, aten.mm]
        extern_kernels.mm(buf138, reinterpret_tensor(arg115_1, (8, 64), (1, 8), 0), out=buf139)
        del arg115_1
        assert_size_stride(arg117_1, (8, 64), (64, 1), 'input')
        buf140 = buf138; del buf138  # reuse
        # Topologically Sorted Source Nodes: [linear_49], Original ATen: [aten.view, aten.t, aten.mm]
        extern_kernels.mm(reinterpret_tensor(buf136, (32, 64), (64, 1), 0), reinterpret_tensor(arg117_1, (64, 8), (1, 64), 0), out=buf140)
        del arg117_1
        assert_size_stride(arg118_1, (64, 8), (8, 1), 'input')
        buf141 = empty_strided_cpu((32, 64), (64, 1), torch.float32)
        # Topologically Sorted Source Nodes: [linear_50], Original ATen: [aten.t, aten.mm]
        extern_kernels.mm(buf140, reinterpret_tensor(arg118_1, (8, 64), (1, 8), 0), out=buf141)
        del arg118_1
        assert_size_stride(arg113_1, (64, 64), (64, 1), 'input')
        buf137 = empty_strided_cpu((32, 64), (64, 1), torch.float32)
        # Topologically Sorted Source Nodes: [result_32], Original ATen: [aten.view, aten.t, aten.mm]
        extern_kernels.mm(reinterpret_tensor(buf136, (32, 64), (64, 1), 0), reinterpret_tensor(arg113_1, (64, 64), (1, 64), 0), out=buf137)
        del arg113_1
        assert_size_stride(arg116_1, (), (), 'input')
        assert_size_stride(arg119_1, (), (), 'input')
        buf152 = reinterpret_tensor(buf137, (2, 8, 16, 8), (1024, 8, 64, 1), 0); del buf137  # reuse
        assert_size_stride(arg121_1, (8, 64), (64, 1), 'input')
        cpp_fused__scaled_dot_product_flash_attention_for_cpu__unsafe_view_add_mul_transpose_view_18(buf152, buf139, arg116_1, buf141, arg119_1)
        del arg116_1
        del arg119_1
        buf143 = buf140; del buf140  # reuse
        # Topologically Sorted Source Nodes: [linear_52], Original ATen: [aten.view, aten.t, aten.mm]
        extern_kernels.mm(reinterpret_tensor(buf136, (32, 64), (64, 1), 0), reinterpret_tensor(arg121_1, (64, 8), (1, 64), 0), out=buf143)
        del arg121_1
        assert_size_stride(arg122_1, (64, 8), (8, 1), 'input')
        buf144 = buf141; del buf141  # reuse
        # Topologically Sorted Source Nodes: [linear_53], Original ATen: [aten.t, aten.mm]
        extern_kernels.mm(buf143, reinterpret_tensor(arg122_1, (8, 64), (1, 8), 0), out=buf144)
        del arg122_1
        assert_size_stride(arg124_1, (8, 64), (64, 1), 'input')
        buf145 = buf143; del buf143  # reuse
        # Topologically Sorted Source Nodes: [linear_54], Original ATen: [aten.view, aten.t, aten.mm]
        extern_kernels.mm(reinterpret_tensor(buf136, (32, 64), (64, 1), 0), reinterpret_tensor(arg124_1, (64, 8), (1, 64), 0), out=buf145)
        del arg124_1
        assert_size_stride(arg125_1, (64, 8), (8, 1), 'input')
        buf146 = buf139; del buf139  # reuse
        # Topologically Sorted Source Nodes: [linear_55], Original ATen: [aten.t, aten.mm]
        extern_kernels.mm(buf145, reinterpret_tensor(arg125_1, (8, 64), (1, 8), 0), out=buf146)
        del arg125_1
        assert_size_stride(arg120_1, (64, 64), (64, 1), 'input')
        buf142 = empty_strided_cpu((32, 64), (64, 1), torch.float32)
        # Topologically Sorted Source Nodes: [result_36], Original ATen: [aten.view, aten.t, aten.mm]
        extern_kernels.mm(reinterpret_tensor(buf136, (32, 64), (64, 1), 0), reinterpret_tensor(arg120_1, (64, 64), (1, 64), 0), out=buf142)
        del arg120_1
        assert_size_stride(arg123_1, (), (), 'input')
        assert_size_stride(arg126_1, (), (), 'input')
        buf153 = reinterpret_tensor(buf142, (2, 8, 16, 8), (1024, 8, 64, 1), 0); del buf142  # reuse
        assert_size_stride(arg128_1, (8, 64), (64, 1), 'input')
        cpp_fused__scaled_dot_product_flash_attention_for_cpu__unsafe_view_add_mul_transpose_view_18(buf153, buf144, arg123_1, buf146, arg126_1)
        del arg123_1
        del arg126_1
        buf148 = buf145; del buf145  # reuse
        # Topologically Sorted Source Nodes: [linear_57], Original ATen: [aten.view, aten.t, aten.mm]
        extern_kernels.mm(reinterpret_tensor(buf136, (32, 64), (64, 1), 0), reinterpret_tensor(arg128_1, (64, 8), (1, 64), 0), out=buf148)
        del arg128_1
        assert_size_stride(arg129_1, (64, 8), (8, 1), 'input')
        buf149 = buf146; del buf146  # reuse
        # Topologically Sorted Source Nodes: [linear_58], Original ATen: [aten.t, aten.mm]
        extern_kernels.mm(buf148, reinterpret_tensor(arg129_1, (8, 64), (1, 8), 0), out=buf149)
        del arg129_1
        assert_size_stride(arg131_1, (8, 64), (64, 1), 'input')
        buf150 = buf148; del buf148  # reuse
        # Topologically Sorted Source Nodes: [linear_59], Original ATen: [aten.view, aten.t, aten.mm]
        extern_kernels.mm(reinterpret_tensor(buf136, (32, 64), (64, 1), 0), reinterpret_tensor(arg131_1, (64, 8), (1, 64), 0), out=buf150)
        del arg131_1
        assert_size_stride(arg132_1, (64, 8), (8, 1), 'input')
        buf151 = buf144; del buf144  # reuse
        # Topologically Sorted Source Nodes: [linear_60], Original ATen: [aten.t, aten.mm]
        extern_kernels.mm(buf150, reinterpret_tensor(arg132_1, (8, 64), (1, 8), 0), out=buf151)
        del arg132_1
        assert_size_stride(arg127_1, (64, 64), (64, 1), 'input')
        buf147 = empty_strided_cpu((32, 64), (64, 1), torch.float32)
        # Topologically Sorted Source Nodes: [result_40], Original ATen: [aten.view, aten.t, aten.mm]
        extern_kernels.mm(reinterpret_tensor(buf136, (32, 64), (64, 1), 0), reinterpret_tensor(arg127_1, (64, 64), (1, 64), 0), out=buf147)
        del arg127_1
        del buf136
        assert_size_stride(arg130_1, (), (), 'input')
        assert_size_stride(arg133_1, (), (), 'input')
        buf154 = reinterpret_tensor(buf147, (2, 8, 16, 8), (1024, 8, 64, 1), 0); del buf147  # reuse
        cpp_fused__scaled_dot_product_flash_attention_for_cpu__unsafe_view_add_mul_transpose_view_18(buf154, buf149, arg130_1, buf151, arg133_1)
        del arg130_1
        del arg133_1
        del buf149
        del buf151
        # Topologically Sorted Source Nodes: [result_32, linear_48, mul_20, result_33, linear_50, mul_21, result_34, view_6, query_2, result_36, linear_53, mul_22, result_37, linear_55, mul_23, result_38, view_7, key_2, result_40, linear_58, mul_24, result_41, linear_60, mul_25, result_42, view_8, value_2, hidden_states_43], Original ATen: [aten._unsafe_view, aten.mul, aten.add, aten.view, aten.transpose, aten._scaled_dot_product_flash_attention_for_cpu]
        buf155 = torch.ops.aten._scaled_dot_product_flash_attention_for_cpu.default(buf152, buf153, buf154)
        buf156 = buf155[0]
        assert_size_stride(buf156, (2, 8, 16, 8), (1024, 8, 64, 1), 'torch.ops.aten._scaled_dot_product_flash_attention_for_cpu.default')
        assert_alignment(buf156, 16, 'torch.ops.aten._scaled_dot_product_flash_attention_for_cpu.default')
        del buf155
        assert_size_stride(arg136_1, (8, 64), (64, 1), 'input')
        buf159 = buf150; del buf150  # reuse
        # Topologically Sorted Source Nodes: [transpose_11, hidden_states_44, linear_62], Original ATen: [aten.transpose, aten.view, aten.t, aten.mm]
        extern_kernels.mm(reinterpret_tensor(buf156, (32, 64), (64, 1), 0), reinterpret_tensor(arg136_1, (64, 8), (1, 64), 0), out=buf159)
        del arg136_1
        assert_size_stride(arg137_1, (64, 8), (8, 1), 'input')
        buf160 = reinterpret_tensor(buf154, (32, 64), (64, 1), 0); del buf154  # reuse
        # Topologically Sorted Source Nodes: [linear_63], Original ATen: [aten.t, aten.mm]
        extern_kernels.mm(buf159, reinterpret_tensor(arg137_1, (8, 64), (1, 8), 0), out=buf160)
        del arg137_1
        assert_size_stride(arg139_1, (8, 64), (64, 1), 'input')
        buf161 = buf159; del buf159  # reuse
        # Topologically Sorted Source Nodes: [transpose_11, hidden_states_44, linear_64], Original ATen: [aten.transpose, aten.view, aten.t, aten.mm]
        extern_kernels.mm(reinterpret_tensor(buf156, (32, 64), (64, 1), 0), reinterpret_tensor(arg139_1, (64, 8), (1, 64), 0), out=buf161)
        del arg139_1
        assert_size_stride(arg140_1, (64, 8), (8, 1), 'input')
        buf162 = reinterpret_tensor(buf153, (32, 64), (64, 1), 0); del buf153  # reuse
        # Topologically Sorted Source Nodes: [linear_65], Original ATen: [aten.t, aten.mm]
        extern_kernels.mm(buf161, reinterpret_tensor(arg140_1, (8, 64), (1, 8), 0), out=buf162)
        del arg140_1
        assert_size_stride(arg135_1, (64, ), (1, ), 'input')
        assert_size_stride(arg134_1, (64, 64), (64, 1), 'input')
        buf158 = reinterpret_tensor(buf152, (32, 64), (64, 1), 0); del buf152  # reuse
        # Topologically Sorted Source Nodes: [transpose_11, hidden_states_44, result_44], Original ATen: [aten.transpose, aten.view, aten.t, aten.addmm]
        extern_kernels.addmm(arg135_1, reinterpret_tensor(buf156, (32, 64), (64, 1), 0), reinterpret_tensor(arg134_1, (64, 64), (1, 64), 0), alpha=1, beta=1, out=buf158)
        del arg134_1
        del arg135_1
        assert_size_stride(arg138_1, (), (), 'input')
        assert_size_stride(arg141_1, (), (), 'input')
        buf163 = reinterpret_tensor(buf158, (2, 16, 64), (1024, 64, 1), 0); del buf158  # reuse
        assert_size_stride(arg142_1, (64, ), (1, ), 'input')
        assert_size_stride(arg143_1, (64, ), (1, ), 'input')
        buf164 = buf135; del buf135  # reuse
        buf165 = buf164; del buf164  # reuse
        buf166 = buf134; del buf134  # reuse
        buf167 = reinterpret_tensor(buf156, (2, 16, 64), (1024, 64, 1), 0); del buf156  # reuse
        assert_size_stride(arg145_1, (8, 64), (64, 1), 'input')
        cpp_fused__unsafe_view_add_div_mul_native_layer_norm_permute_view_19(buf163, buf165, buf160, arg138_1, buf162, arg141_1, buf132, arg142_1, arg143_1, buf166, buf167)
        del arg138_1
        del arg141_1
        del arg142_1
        del arg143_1
        del buf165
        del buf166
        buf169 = buf161; del buf161  # reuse
        # Topologically Sorted Source Nodes: [linear_67], Original ATen: [aten.view, aten.t, aten.mm]
        extern_kernels.mm(reinterpret_tensor(buf167, (32, 64), (64, 1), 0), reinterpret_tensor(arg145_1, (64, 8), (1, 64), 0), out=buf169)
        del arg145_1
        assert_size_stride(arg146_1, (64, 8), (8, 1), 'input')
        buf170 = buf162; del buf162  # reuse
        # Topologically Sorted Source Nodes: [linear_68], Original ATen: [aten.t, aten.mm]
        extern_kernels.mm(buf169, reinterpret_tensor(arg146_1, (8, 64), (1, 8), 0), out=buf170)
        del arg146_1
        assert_size_stride(arg148_1, (8, 64), (64, 1), 'input')
        buf171 = buf169; del buf169  # reuse
        # Topologically Sorted Source Nodes: [linear_69], Original ATen: [aten.view, aten.t, aten.mm]
        extern_kernels.mm(reinterpret_tensor(buf167, (32, 64), (64, 1), 0), reinterpret_tensor(arg148_1, (64, 8), (1, 64), 0), out=buf171)
        del arg148_1
        assert_size_stride(arg149_1, (64, 8), (8, 1), 'input')
        buf172 = buf160; del buf160  # reuse
        # Topologically Sorted Source Nodes: [linear_70], Original ATen: [aten.t, aten.mm]
        extern_kernels.mm(buf171, reinterpret_tensor(arg149_1, (8, 64), (1, 8), 0), out=buf172)
        del arg149_1
        del buf171
        assert_size_stride(arg144_1, (64, 64), (64, 1), 'input')
        buf168 = reinterpret_tensor(buf132, (32, 64), (64, 1), 0); del buf132  # reuse
        # Topologically Sorted Source Nodes: [result_48], Original ATen: [aten.view, aten.t, aten.mm]
        extern_kernels.mm(reinterpret_tensor(buf167, (32, 64), (64, 1), 0), reinterpret_tensor(arg144_1, (64, 64), (1, 64), 0), out=buf168)
        del arg144_1
        del buf167
        assert_size_stride(arg147_1, (), (), 'input')
        assert_size_stride(arg150_1, (), (), 'input')
        buf183 = reinterpret_tensor(buf168, (2, 8, 16, 8), (1024, 8, 64, 1), 0); del buf168  # reuse
        assert_size_stride(arg151_1, (64, 32), (32, 1), 'input')
        cpp_fused__scaled_dot_product_flash_attention_for_cpu__unsafe_view_add_mul_transpose_view_18(buf183, buf170, arg147_1, buf172, arg150_1)
        del arg147_1
        del arg150_1
        del buf170
        del buf172
        buf173 = empty_strided_cpu((154, 64), (64, 1), torch.float32)
        # Topologically Sorted Source Nodes: [result_52], Original ATen: [aten.view, aten.t, aten.mm]
        extern_kernels.mm(reinterpret_tensor(arg55_1, (154, 32), (32, 1), 0), reinterpret_tensor(arg151_1, (32, 64), (1, 32), 0), out=buf173)
        del arg151_1
        assert_size_stride(arg152_1, (8, 32), (32, 1), 'input')
        buf174 = empty_strided_cpu((154, 8), (8, 1), torch.float32)
        # Topologically Sorted Source Nodes: [linear_72], Original ATen: [aten.view, aten.t, aten.mm]
        extern_kernels.mm(reinterpret_tensor(arg55_1, (154, 32), (32, 1), 0), reinterpret_tensor(arg152_1, (32, 8), (1, 32), 0), out=buf174)
        del arg152_1
        assert_size_stride(arg153_1, (64, 8), (8, 1), 'input')
        buf175 = empty_strided_cpu((154, 64), (64, 1), torch.float32)
        # Topologically Sorted Source Nodes: [linear_73], Original ATen: [aten.t, aten.mm]
        extern_kernels.mm(buf174, reinterpret_tensor(arg153_1, (8, 64), (1, 8), 0), out=buf175)
        del arg153_1
        assert_size_stride(arg155_1, (8, 32), (32, 1), 'input')
        buf176 = buf174; del buf174  # reuse
        # Topologically Sorted Source Nodes: [linear_74], Original ATen: [aten.view, aten.t, aten.mm]
        extern_kernels.mm(reinterpret_tensor(arg55_1, (154, 32), (32, 1), 0), reinterpret_tensor(arg155_1, (32, 8), (1, 32), 0), out=buf176)
        del arg155_1
        assert_size_stride(arg156_1, (64, 8), (8, 1), 'input')
        buf177 = empty_strided_cpu((154, 64), (64, 1), torch.float32)
        # Topologically Sorted Source Nodes: [linear_75], Original ATen: [aten.t, aten.mm]
        extern_kernels.mm(buf176, reinterpret_tensor(arg156_1, (8, 64), (1, 8), 0), out=buf177)
        del arg156_1
        assert_size_stride(arg154_1, (), (), 'input')
        assert_size_stride(arg157_1, (), (), 'input')
        buf184 = reinterpret_tensor(buf173, (2, 8, 77, 8), (4928, 8, 64, 1), 0); del buf173  # reuse
        assert_size_stride(arg158_1, (64, 32), (32, 1), 'input')
        cpp_fused__scaled_dot_product_flash_attention_for_cpu__unsafe_view_add_mul_transpose_view_20(buf184, buf175, arg154_1, buf177, arg157_1)
        del arg154_1
        del arg157_1
        buf178 = buf177; del buf177  # reuse
        # Topologically Sorted Source Nodes: [result_56], Original ATen: [aten.view, aten.t, aten.mm]
        extern_kernels.mm(reinterpret_tensor(arg55_1, (154, 32), (32, 1), 0), reinterpret_tensor(arg158_1, (32, 64), (1, 32), 0), out=buf178)
        del arg158_1
        assert_size_stride(arg159_1, (8, 32), (32, 1), 'input')
        buf179 = buf176; del buf176  # reuse
        # Topologically Sorted Source Nodes: [linear_77], Original ATen: [aten.view, aten.t, aten.mm]
        extern_kernels.mm(reinterpret_tensor(arg55_1, (154, 32), (32, 1), 0), reinterpret_tensor(arg159_1, (32, 8), (1, 32), 0), out=buf179)
        del arg159_1
        assert_size_stride(arg160_1, (64, 8), (8, 1), 'input')
        buf180 = buf175; del buf175  # reuse
        # Topologically Sorted Source Nodes: [linear_78], Original ATen: [aten.t, aten.mm]
        extern_kernels.mm(buf179, reinterpret_tensor(arg160_1, (8, 64), (1, 8), 0), out=buf180)
        del arg160_1
        assert_size_stride(arg162_1, (8, 32), (32, 1), 'input')
        buf181 = buf179; del buf179  # reuse
        # Topologically Sorted Source Nodes: [linear_79], Original ATen: [aten.view, aten.t, aten.mm]
        extern_kernels.mm(reinterpret_tensor(arg55_1, (154, 32), (32, 1), 0), reinterpret_tensor(arg162_1, (32, 8), (1, 32), 0), out=buf181)
        del arg162_1
        assert_size_stride(arg163_1, (64, 8), (8, 1), 'input')
        buf182 = empty_strided_cpu((154, 64), (64, 1), torch.float32)
        # Topologically Sorted Source Nodes: [linear_80], Original ATen: [aten.t, aten.mm]
        extern_kernels.mm(buf181, reinterpret_tensor(arg163_1, (8, 64), (1, 8), 0), out=buf182)
        del arg163_1
        del buf181
        assert_size_stride(arg161_1, (), (), 'input')
        assert_size_stride(arg164_1, (), (), 'input')
        buf185 = reinterpret_tensor(buf178, (2, 8, 77, 8), (4928, 8, 64, 1), 0); del buf178  # reuse
        cpp_fused__scaled_dot_product_flash_attention_for_cpu__unsafe_view_add_mul_transpose_view_20(buf185, buf180, arg161_1, buf182, arg164_1)
        del arg161_1
        del arg164_1
        del buf180
        del buf182
        # Topologically Sorted Source Nodes: [result_48, linear_68, mul_28, result_49, linear_70, mul_29, result_50, view_9, query_3, result_52, linear_73, mul_30, result_53, linear_75, mul_31, result_54, view_10, key_3, result_56, linear_78, mul_32, result_57, linear_80, mul_33, result_58, view_11, value_3, hidden_states_49], Original ATen: [aten._unsafe_view, aten.mul, aten.add, aten.view, aten.transpose, aten._scaled_dot_product_flash_attention_for_cpu]
        buf186 = torch.ops.aten._scaled_dot_product_flash_attention_for_cpu.default(buf183, buf184, buf185)
        buf187 = buf186[0]
        assert_size_stride(buf187, (2, 8, 16, 8), (1024, 8, 64, 1), 'torch.ops.aten._scaled_dot_product_flash_attention_for_cpu.default')
        assert_alignment(buf187, 16, 'torch.ops.aten._scaled_dot_product_flash_attention_for_cpu.default')
        del buf186
        buf213 = empty_strided_cpu((2, 128), (128, 1), torch.float32)
        assert_size_stride(arg188_1, (64, ), (1, ), 'input')
        assert_size_stride(arg187_1, (64, 128), (128, 1), 'input')
        cpp_fused_silu_3(buf19, buf213)
        buf214 = empty_strided_cpu((2, 64), (64, 1), torch.float32)
        # Topologically Sorted Source Nodes: [temb_4, linear_88], Original ATen: [aten.silu, aten.t, aten.addmm]
        extern_kernels.addmm(arg188_1, buf213, reinterpret_tensor(arg187_1, (128, 64), (1, 128), 0), alpha=1, beta=1, out=buf214)
        del arg187_1
        del arg188_1
        assert_size_stride(arg167_1, (8, 64), (64, 1), 'input')
        buf190 = reinterpret_tensor(buf213, (32, 8), (8, 1), 0); del buf213  # reuse
        # Topologically Sorted Source Nodes: [transpose_15, hidden_states_50, linear_82], Original ATen: [aten.transpose, aten.view, aten.t, aten.mm]
        extern_kernels.mm(reinterpret_tensor(buf187, (32, 64), (64, 1), 0), reinterpret_tensor(arg167_1, (64, 8), (1, 64), 0), out=buf190)
        del arg167_1
        assert_size_stride(arg168_1, (64, 8), (8, 1), 'input')
        buf191 = reinterpret_tensor(buf183, (32, 64), (64, 1), 0); del buf183  # reuse
        # Topologically Sorted Source Nodes: [linear_83], Original ATen: [aten.t, aten.mm]
        extern_kernels.mm(buf190, reinterpret_tensor(arg168_1, (8, 64), (1, 8), 0), out=buf191)
        del arg168_1
        assert_size_stride(arg170_1, (8, 64), (64, 1), 'input')
        buf192 = buf190; del buf190  # reuse
        # Topologically Sorted Source Nodes: [transpose_15, hidden_states_50, linear_84], Original ATen: [aten.transpose, aten.view, aten.t, aten.mm]
        extern_kernels.mm(reinterpret_tensor(buf187, (32, 64), (64, 1), 0), reinterpret_tensor(arg170_1, (64, 8), (1, 64), 0), out=buf192)
        del arg170_1
        assert_size_stride(arg171_1, (64, 8), (8, 1), 'input')
        buf193 = empty_strided_cpu((32, 64), (64, 1), torch.float32)
        # Topologically Sorted Source Nodes: [linear_85], Original ATen: [aten.t, aten.mm]
        extern_kernels.mm(buf192, reinterpret_tensor(arg171_1, (8, 64), (1, 8), 0), out=buf193)
        del arg171_1
        assert_size_stride(arg166_1, (64, ), (1, ), 'input')
        assert_size_stride(arg165_1, (64, 64), (64, 1), 'input')
        buf189 = empty_strided_cpu((32, 64), (64, 1), torch.float32)
        # Topologically Sorted Source Nodes: [transpose_15, hidden_states_50, result_60], Original ATen: [aten.transpose, aten.view, aten.t, aten.addmm]
        extern_kernels.addmm(arg166_1, reinterpret_tensor(buf187, (32, 64), (64, 1), 0), reinterpret_tensor(arg165_1, (64, 64), (1, 64), 0), alpha=1, beta=1, out=buf189)
        del arg165_1
        del arg166_1
        assert_size_stride(arg169_1, (), (), 'input')
        assert_size_stride(arg172_1, (), (), 'input')
        buf194 = reinterpret_tensor(buf189, (2, 16, 64), (1024, 64, 1), 0); del buf189  # reuse
        assert_size_stride(arg173_1, (64, ), (1, ), 'input')
        assert_size_stride(arg174_1, (64, ), (1, ), 'input')
        buf195 = empty_strided_cpu((2, 16, 1), (16, 1, 32), torch.float32)
        buf196 = buf195; del buf195  # reuse
        buf197 = empty_strided_cpu((2, 16, 1), (16, 1, 32), torch.float32)
        buf198 = reinterpret_tensor(buf187, (2, 16, 64), (1024, 64, 1), 0); del buf187  # reuse
        assert_size_stride(arg176_1, (512, ), (1, ), 'input')
        assert_size_stride(arg175_1, (512, 64), (64, 1), 'input')
        cpp_fused__unsafe_view_add_div_mul_native_layer_norm_permute_view_19(buf194, buf196, buf191, arg169_1, buf193, arg172_1, buf163, arg173_1, arg174_1, buf197, buf198)
        del arg169_1
        del arg172_1
        del arg173_1
        del arg174_1
        del buf163
        del buf191
        del buf193
        buf199 = empty_strided_cpu((32, 512), (512, 1), torch.float32)
        # Topologically Sorted Source Nodes: [norm_hidden_states_5, hidden_states_55], Original ATen: [aten.native_layer_norm, aten.view, aten.t, aten.addmm]
        extern_kernels.addmm(arg176_1, reinterpret_tensor(buf198, (32, 64), (64, 1), 0), reinterpret_tensor(arg175_1, (64, 512), (1, 64), 0), alpha=1, beta=1, out=buf199)
        del arg175_1
        del arg176_1
        buf200 = empty_strided_cpu((2, 16, 256), (4096, 256, 1), torch.float32)
        assert_size_stride(arg178_1, (64, ), (1, ), 'input')
        assert_size_stride(arg177_1, (64, 256), (256, 1), 'input')
        cpp_fused_gelu_mul_split_view_21(buf199, buf200)
        del buf199
        buf201 = reinterpret_tensor(buf198, (32, 64), (64, 1), 0); del buf198  # reuse
        # Topologically Sorted Source Nodes: [hidden_states_55, chunk_1, gelu_1, hidden_states_57, hidden_states_59], Original ATen: [aten.view, aten.split, aten.gelu, aten.mul, aten.t, aten.addmm]
        extern_kernels.addmm(arg178_1, reinterpret_tensor(buf200, (32, 256), (256, 1), 0), reinterpret_tensor(arg177_1, (256, 64), (1, 256), 0), alpha=1, beta=1, out=buf201)
        del arg177_1
        del arg178_1
        del buf200
        buf202 = reinterpret_tensor(buf201, (2, 64, 4, 4), (1024, 1, 256, 64), 0); del buf201  # reuse
        assert_size_stride(arg179_1, (64, 64, 1, 1), (64, 1, 64, 64), 'input')
        assert_size_stride(arg180_1, (64, ), (1, ), 'input')
        cpp_fused_add_clone_permute_view_22(buf202, buf194)
        del buf194
        # Topologically Sorted Source Nodes: [hidden_states_59, hidden_states_60, reshape_7, permute_3, hidden_states_61, hidden_states_62], Original ATen: [aten.view, aten.add, aten.permute, aten.clone, aten.convolution]
        buf203 = extern_kernels.convolution(buf202, arg179_1, arg180_1, stride=(1, 1), padding=(0, 0), dilation=(1, 1), transposed=False, output_padding=(0, 0), groups=1)
        assert_size_stride(buf203, (2, 64, 4, 4), (1024, 1, 256, 64), 'torch.ops.aten.convolution.default')
        del arg179_1
        del arg180_1
        del buf202
        buf204 = buf203; del buf203  # reuse
        buf671 = empty_strided_cpu((2, 128, 4, 4), (2048, 1, 512, 128), torch.float32)
        buf670 = reinterpret_tensor(buf671, (2, 64, 4, 4), (2048, 1, 512, 128), 64)  # alias
        assert_size_stride(arg181_1, (64, 64, 3, 3), (576, 1, 192, 64), 'input')
        assert_size_stride(arg182_1, (64, ), (1, ), 'input')
        cpp_fused_add_cat_div_23(buf204, buf121, buf125, buf670)
        del buf121
        del buf125
        # Topologically Sorted Source Nodes: [hidden_states_63], Original ATen: [aten.convolution]
        buf205 = extern_kernels.convolution(buf204, arg181_1, arg182_1, stride=(2, 2), padding=(1, 1), dilation=(1, 1), transposed=False, output_padding=(0, 0), groups=1)
        assert_size_stride(buf205, (2, 64, 2, 2), (256, 1, 128, 64), 'torch.ops.aten.convolution.default')
        del arg181_1
        del arg182_1
        buf206 = empty_strided_cpu((2, 8, 1, 1), (8, 1, 16, 16), torch.float32)
        buf207 = buf206; del buf206  # reuse
        assert_size_stride(arg183_1, (64, ), (1, ), 'input')
        assert_size_stride(arg184_1, (64, ), (1, ), 'input')
        buf208 = empty_strided_cpu((2, 8, 1, 1), (8, 1, 16, 16), torch.float32)
        buf209 = empty_strided_cpu((2, 8, 8, 1), (64, 8, 1, 1), torch.float32)
        buf210 = empty_strided_cpu((2, 8, 8, 1), (64, 8, 1, 1), torch.float32)
        buf211 = empty_strided_cpu((2, 64, 2, 2), (256, 1, 128, 64), torch.float32)
        assert_size_stride(arg185_1, (64, 64, 3, 3), (576, 1, 192, 64), 'input')
        assert_size_stride(arg186_1, (64, ), (1, ), 'input')
        cpp_fused_native_group_norm_silu_24(buf207, buf205, arg183_1, arg184_1, buf208, buf209, buf210, buf211)
        del arg183_1
        del arg184_1
        # Topologically Sorted Source Nodes: [hidden_states_64, hidden_states_65, hidden_states_66], Original ATen: [aten.native_group_norm, aten.silu, aten.convolution]
        buf212 = extern_kernels.convolution(buf211, arg185_1, arg186_1, stride=(1, 1), padding=(1, 1), dilation=(1, 1), transposed=False, output_padding=(0, 0), groups=1)
        assert_size_stride(buf212, (2, 64, 2, 2), (256, 1, 128, 64), 'torch.ops.aten.convolution.default')
        del arg185_1
        del arg186_1
        buf215 = buf208; del buf208  # reuse
        buf216 = buf215; del buf215  # reuse
        assert_size_stride(arg189_1, (64, ), (1, ), 'input')
        assert_size_stride(arg190_1, (64, ), (1, ), 'input')
        buf217 = buf207; del buf207  # reuse
        buf218 = buf210; del buf210  # reuse
        buf219 = buf209; del buf209  # reuse
        buf220 = buf212; del buf212  # reuse
        assert_size_stride(arg191_1, (64, 64, 3, 3), (576, 1, 192, 64), 'input')
        assert_size_stride(arg192_1, (64, ), (1, ), 'input')
        cpp_fused_add_native_group_norm_silu_unsqueeze_25(buf216, buf220, buf214, arg189_1, arg190_1, buf217, buf218, buf219)
        del arg189_1
        del arg190_1
        # Topologically Sorted Source Nodes: [temb_5, hidden_states_67, hidden_states_68, hidden_states_69, hidden_states_71], Original ATen: [aten.unsqueeze, aten.add, aten.native_group_norm, aten.silu, aten.convolution]
        buf221 = extern_kernels.convolution(buf220, arg191_1, arg192_1, stride=(1, 1), padding=(1, 1), dilation=(1, 1), transposed=False, output_padding=(0, 0), groups=1)
        assert_size_stride(buf221, (2, 64, 2, 2), (256, 1, 128, 64), 'torch.ops.aten.convolution.default')
        del arg191_1
        del arg192_1
        buf222 = buf217; del buf217  # reuse
        buf223 = buf222; del buf222  # reuse
        assert_size_stride(arg193_1, (64, ), (1, ), 'input')
        assert_size_stride(arg194_1, (64, ), (1, ), 'input')
        buf224 = buf216; del buf216  # reuse
        buf225 = buf219; del buf219  # reuse
        buf226 = buf218; del buf218  # reuse
        buf227 = buf220; del buf220  # reuse
        assert_size_stride(arg195_1, (64, 64, 1, 1), (64, 1, 64, 64), 'input')
        assert_size_stride(arg196_1, (64, ), (1, ), 'input')
        cpp_fused_add_div_native_group_norm_26(buf223, buf205, buf221, arg193_1, arg194_1, buf224, buf225, buf226, buf227)
        del arg193_1
        del arg194_1
        # Topologically Sorted Source Nodes: [add_45, output_tensor_2, hidden_states_72, hidden_states_73], Original ATen: [aten.add, aten.div, aten.native_group_norm, aten.convolution]
        buf228 = extern_kernels.convolution(buf227, arg195_1, arg196_1, stride=(1, 1), padding=(0, 0), dilation=(1, 1), transposed=False, output_padding=(0, 0), groups=1)
        assert_size_stride(buf228, (2, 64, 2, 2), (256, 1, 128, 64), 'torch.ops.aten.convolution.default')
        del arg195_1
        del arg196_1
        assert_size_stride(arg197_1, (64, ), (1, ), 'input')
        assert_size_stride(arg198_1, (64, ), (1, ), 'input')
        buf229 = empty_strided_cpu((2, 4, 1), (4, 1, 8), torch.float32)
        buf230 = buf229; del buf229  # reuse
        buf231 = empty_strided_cpu((2, 4, 1), (4, 1, 8), torch.float32)
        buf232 = reinterpret_tensor(buf227, (2, 4, 64), (256, 64, 1), 0); del buf227  # reuse
        assert_size_stride(arg200_1, (8, 64), (64, 1), 'input')
        cpp_fused_native_layer_norm_permute_view_27(buf230, buf228, arg197_1, arg198_1, buf231, buf232)
        del arg197_1
        del arg198_1
        buf234 = empty_strided_cpu((8, 8), (8, 1), torch.float32)
        # Topologically Sorted Source Nodes: [linear_90], Original ATen: [aten.view, aten.t, aten.mm]
        extern_kernels.mm(reinterpret_tensor(buf232, (8, 64), (64, 1), 0), reinterpret_tensor(arg200_1, (64, 8), (1, 64), 0), out=buf234)
        del arg200_1
        assert_size_stride(arg201_1, (64, 8), (8, 1), 'input')
        buf235 = reinterpret_tensor(buf211, (8, 64), (64, 1), 0); del buf211  # reuse
        # Topologically Sorted Source Nodes: [linear_91], Original ATen: [aten.t, aten.mm]
        extern_kernels.mm(buf234, reinterpret_tensor(arg201_1, (8, 64), (1, 8), 0), out=buf235)
        del arg201_1
        assert_size_stride(arg203_1, (8, 64), (64, 1), 'input')
        buf236 = buf234; del buf234  # reuse
        # Topologically Sorted Source Nodes: [linear_92], Original ATen: [aten.view, aten.t, aten.mm]
        extern_kernels.mm(reinterpret_tensor(buf232, (8, 64), (64, 1), 0), reinterpret_tensor(arg203_1, (64, 8), (1, 64), 0), out=buf236)
        del arg203_1
        assert_size_stride(arg204_1, (64, 8), (8, 1), 'input')
        buf237 = empty_strided_cpu((8, 64), (64, 1), torch.float32)
        # Topologically Sorted Source Nodes: [linear_93], Original ATen: [aten.t, aten.mm]
        extern_kernels.mm(buf236, reinterpret_tensor(arg204_1, (8, 64), (1, 8), 0), out=buf237)
        del arg204_1
        assert_size_stride(arg199_1, (64, 64), (64, 1), 'input')
        buf233 = empty_strided_cpu((8, 64), (64, 1), torch.float32)
        # Topologically Sorted Source Nodes: [result_64], Original ATen: [aten.view, aten.t, aten.mm]
        extern_kernels.mm(reinterpret_tensor(buf232, (8, 64), (64, 1), 0), reinterpret_tensor(arg199_1, (64, 64), (1, 64), 0), out=buf233)
        del arg199_1
        assert_size_stride(arg202_1, (), (), 'input')
        assert_size_stride(arg205_1, (), (), 'input')
        buf248 = reinterpret_tensor(buf233, (2, 8, 4, 8), (256, 8, 64, 1), 0); del buf233  # reuse
        assert_size_stride(arg207_1, (8, 64), (64, 1), 'input')
        cpp_fused__scaled_dot_product_flash_attention_for_cpu__unsafe_view_add_mul_transpose_view_28(buf248, buf235, arg202_1, buf237, arg205_1)
        del arg202_1
        del arg205_1
        buf239 = buf236; del buf236  # reuse
        # Topologically Sorted Source Nodes: [linear_95], Original ATen: [aten.view, aten.t, aten.mm]
        extern_kernels.mm(reinterpret_tensor(buf232, (8, 64), (64, 1), 0), reinterpret_tensor(arg207_1, (64, 8), (1, 64), 0), out=buf239)
        del arg207_1
        assert_size_stride(arg208_1, (64, 8), (8, 1), 'input')
        buf240 = buf237; del buf237  # reuse
        # Topologically Sorted Source Nodes: [linear_96], Original ATen: [aten.t, aten.mm]
        extern_kernels.mm(buf239, reinterpret_tensor(arg208_1, (8, 64), (1, 8), 0), out=buf240)
        del arg208_1
        assert_size_stride(arg210_1, (8, 64), (64, 1), 'input')
        buf241 = buf239; del buf239  # reuse
        # Topologically Sorted Source Nodes: [linear_97], Original ATen: [aten.view, aten.t, aten.mm]
        extern_kernels.mm(reinterpret_tensor(buf232, (8, 64), (64, 1), 0), reinterpret_tensor(arg210_1, (64, 8), (1, 64), 0), out=buf241)
        del arg210_1
        assert_size_stride(arg211_1, (64, 8), (8, 1), 'input')
        buf242 = buf235; del buf235  # reuse
        # Topologically Sorted Source Nodes: [linear_98], Original ATen: [aten.t, aten.mm]
        extern_kernels.mm(buf241, reinterpret_tensor(arg211_1, (8, 64), (1, 8), 0), out=buf242)
        del arg211_1
        assert_size_stride(arg206_1, (64, 64), (64, 1), 'input')
        buf238 = empty_strided_cpu((8, 64), (64, 1), torch.float32)
        # Topologically Sorted Source Nodes: [result_68], Original ATen: [aten.view, aten.t, aten.mm]
        extern_kernels.mm(reinterpret_tensor(buf232, (8, 64), (64, 1), 0), reinterpret_tensor(arg206_1, (64, 64), (1, 64), 0), out=buf238)
        del arg206_1
        assert_size_stride(arg209_1, (), (), 'input')
        assert_size_stride(arg212_1, (), (), 'input')
        buf249 = reinterpret_tensor(buf238, (2, 8, 4, 8), (256, 8, 64, 1), 0); del buf238  # reuse
        assert_size_stride(arg214_1, (8, 64), (64, 1), 'input')
        cpp_fused__scaled_dot_product_flash_attention_for_cpu__unsafe_view_add_mul_transpose_view_28(buf249, buf240, arg209_1, buf242, arg212_1)
        del arg209_1
        del arg212_1
        buf244 = buf241; del buf241  # reuse
        # Topologically Sorted Source Nodes: [linear_100], Original ATen: [aten.view, aten.t, aten.mm]
        extern_kernels.mm(reinterpret_tensor(buf232, (8, 64), (64, 1), 0), reinterpret_tensor(arg214_1, (64, 8), (1, 64), 0), out=buf244)
        del arg214_1
        assert_size_stride(arg215_1, (64, 8), (8, 1), 'input')
        buf245 = buf242; del buf242  # reuse
        # Topologically Sorted Source Nodes: [linear_101], Original ATen: [aten.t, aten.mm]
        extern_kernels.mm(buf244, reinterpret_tensor(arg215_1, (8, 64), (1, 8), 0), out=buf245)
        del arg215_1
        assert_size_stride(arg217_1, (8, 64), (64, 1), 'input')
        buf246 = buf244; del buf244  # reuse
        # Topologically Sorted Source Nodes: [linear_102], Original ATen: [aten.view, aten.t, aten.mm]
        extern_kernels.mm(reinterpret_tensor(buf232, (8, 64), (64, 1), 0), reinterpret_tensor(arg217_1, (64, 8), (1, 64), 0), out=buf246)
        del arg217_1
        assert_size_stride(arg218_1, (64, 8), (8, 1), 'input')
        buf247 = buf240; del buf240  # reuse
        # Topologically Sorted Source Nodes: [linear_103], Original ATen: [aten.t, aten.mm]
        extern_kernels.mm(buf246, reinterpret_tensor(arg218_1, (8, 64), (1, 8), 0), out=buf247)
        del arg218_1
        assert_size_stride(arg213_1, (64, 64), (64, 1), 'input')
        buf243 = empty_strided_cpu((8, 64), (64, 1), torch.float32)
        # Topologically Sorted Source Nodes: [result_72], Original ATen: [aten.view, aten.t, aten.mm]
        extern_kernels.mm(reinterpret_tensor(buf232, (8, 64), (64, 1), 0), reinterpret_tensor(arg213_1, (64, 64), (1, 64), 0), out=buf243)
        del arg213_1
        del buf232
        assert_size_stride(arg216_1, (), (), 'input')
        assert_size_stride(arg219_1, (), (), 'input')
        buf250 = reinterpret_tensor(buf243, (2, 8, 4, 8), (256, 8, 64, 1), 0); del buf243  # reuse
        cpp_fused__scaled_dot_product_flash_attention_for_cpu__unsafe_view_add_mul_transpose_view_28(buf250, buf245, arg216_1, buf247, arg219_1)
        del arg216_1
        del arg219_1
        del buf245
        del buf247
        # Topologically Sorted Source Nodes: [result_64, linear_91, mul_37, result_65, linear_93, mul_38, result_66, view_12, query_4, result_68, linear_96, mul_39, result_69, linear_98, mul_40, result_70, view_13, key_4, result_72, linear_101, mul_41, result_73, linear_103, mul_42, result_74, view_14, value_4, hidden_states_75], Original ATen: [aten._unsafe_view, aten.mul, aten.add, aten.view, aten.transpose, aten._scaled_dot_product_flash_attention_for_cpu]
        buf251 = torch.ops.aten._scaled_dot_product_flash_attention_for_cpu.default(buf248, buf249, buf250)
        buf252 = buf251[0]
        assert_size_stride(buf252, (2, 8, 4, 8), (256, 8, 64, 1), 'torch.ops.aten._scaled_dot_product_flash_attention_for_cpu.default')
        assert_alignment(buf252, 16, 'torch.ops.aten._scaled_dot_product_flash_attention_for_cpu.default')
        del buf251
        assert_size_stride(arg222_1, (8, 64), (64, 1), 'input')
        buf255 = buf246; del buf246  # reuse
        # Topologically Sorted Source Nodes: [transpose_19, hidden_states_76, linear_105], Original ATen: [aten.transpose, aten.view, aten.t, aten.mm]
        extern_kernels.mm(reinterpret_tensor(buf252, (8, 64), (64, 1), 0), reinterpret_tensor(arg222_1, (64, 8), (1, 64), 0), out=buf255)
        del arg222_1
        assert_size_stride(arg223_1, (64, 8), (8, 1), 'input')
        buf256 = reinterpret_tensor(buf250, (8, 64), (64, 1), 0); del buf250  # reuse
        # Topologically Sorted Source Nodes: [linear_106], Original ATen: [aten.t, aten.mm]
        extern_kernels.mm(buf255, reinterpret_tensor(arg223_1, (8, 64), (1, 8), 0), out=buf256)
        del arg223_1
        assert_size_stride(arg225_1, (8, 64), (64, 1), 'input')
        buf257 = buf255; del buf255  # reuse
        # Topologically Sorted Source Nodes: [transpose_19, hidden_states_76, linear_107], Original ATen: [aten.transpose, aten.view, aten.t, aten.mm]
        extern_kernels.mm(reinterpret_tensor(buf252, (8, 64), (64, 1), 0), reinterpret_tensor(arg225_1, (64, 8), (1, 64), 0), out=buf257)
        del arg225_1
        assert_size_stride(arg226_1, (64, 8), (8, 1), 'input')
        buf258 = reinterpret_tensor(buf249, (8, 64), (64, 1), 0); del buf249  # reuse
        # Topologically Sorted Source Nodes: [linear_108], Original ATen: [aten.t, aten.mm]
        extern_kernels.mm(buf257, reinterpret_tensor(arg226_1, (8, 64), (1, 8), 0), out=buf258)
        del arg226_1
        assert_size_stride(arg221_1, (64, ), (1, ), 'input')
        assert_size_stride(arg220_1, (64, 64), (64, 1), 'input')
        buf254 = reinterpret_tensor(buf248, (8, 64), (64, 1), 0); del buf248  # reuse
        # Topologically Sorted Source Nodes: [transpose_19, hidden_states_76, result_76], Original ATen: [aten.transpose, aten.view, aten.t, aten.addmm]
        extern_kernels.addmm(arg221_1, reinterpret_tensor(buf252, (8, 64), (64, 1), 0), reinterpret_tensor(arg220_1, (64, 64), (1, 64), 0), alpha=1, beta=1, out=buf254)
        del arg220_1
        del arg221_1
        assert_size_stride(arg224_1, (), (), 'input')
        assert_size_stride(arg227_1, (), (), 'input')
        buf259 = reinterpret_tensor(buf254, (2, 4, 64), (256, 64, 1), 0); del buf254  # reuse
        assert_size_stride(arg228_1, (64, ), (1, ), 'input')
        assert_size_stride(arg229_1, (64, ), (1, ), 'input')
        buf260 = buf231; del buf231  # reuse
        buf261 = buf260; del buf260  # reuse
        buf262 = buf230; del buf230  # reuse
        buf263 = reinterpret_tensor(buf252, (2, 4, 64), (256, 64, 1), 0); del buf252  # reuse
        assert_size_stride(arg231_1, (8, 64), (64, 1), 'input')
        cpp_fused__unsafe_view_add_div_mul_native_layer_norm_permute_view_29(buf259, buf261, buf256, arg224_1, buf258, arg227_1, buf228, arg228_1, arg229_1, buf262, buf263)
        del arg224_1
        del arg227_1
        del arg228_1
        del arg229_1
        buf265 = buf257; del buf257  # reuse
        # Topologically Sorted Source Nodes: [linear_110], Original ATen: [aten.view, aten.t, aten.mm]
        extern_kernels.mm(reinterpret_tensor(buf263, (8, 64), (64, 1), 0), reinterpret_tensor(arg231_1, (64, 8), (1, 64), 0), out=buf265)
        del arg231_1
        assert_size_stride(arg232_1, (64, 8), (8, 1), 'input')
        buf266 = buf258; del buf258  # reuse
        # Topologically Sorted Source Nodes: [linear_111], Original ATen: [aten.t, aten.mm]
        extern_kernels.mm(buf265, reinterpret_tensor(arg232_1, (8, 64), (1, 8), 0), out=buf266)
        del arg232_1
        assert_size_stride(arg234_1, (8, 64), (64, 1), 'input')
        buf267 = buf265; del buf265  # reuse
        # Topologically Sorted Source Nodes: [linear_112], Original ATen: [aten.view, aten.t, aten.mm]
        extern_kernels.mm(reinterpret_tensor(buf263, (8, 64), (64, 1), 0), reinterpret_tensor(arg234_1, (64, 8), (1, 64), 0), out=buf267)
        del arg234_1
        assert_size_stride(arg235_1, (64, 8), (8, 1), 'input')
        buf268 = buf256; del buf256  # reuse
        # Topologically Sorted Source Nodes: [linear_113], Original ATen: [aten.t, aten.mm]
        extern_kernels.mm(buf267, reinterpret_tensor(arg235_1, (8, 64), (1, 8), 0), out=buf268)
        del arg235_1
        assert_size_stride(arg230_1, (64, 64), (64, 1), 'input')
        buf264 = reinterpret_tensor(buf228, (8, 64), (64, 1), 0); del buf228  # reuse
        # Topologically Sorted Source Nodes: [result_80], Original ATen: [aten.view, aten.t, aten.mm]
        extern_kernels.mm(reinterpret_tensor(buf263, (8, 64), (64, 1), 0), reinterpret_tensor(arg230_1, (64, 64), (1, 64), 0), out=buf264)
        del arg230_1
        del buf263
        assert_size_stride(arg233_1, (), (), 'input')
        assert_size_stride(arg236_1, (), (), 'input')
        buf279 = reinterpret_tensor(buf264, (2, 8, 4, 8), (256, 8, 64, 1), 0); del buf264  # reuse
        assert_size_stride(arg237_1, (64, 32), (32, 1), 'input')
        cpp_fused__scaled_dot_product_flash_attention_for_cpu__unsafe_view_add_mul_transpose_view_28(buf279, buf266, arg233_1, buf268, arg236_1)
        del arg233_1
        del arg236_1
        buf269 = reinterpret_tensor(buf185, (154, 64), (64, 1), 0); del buf185  # reuse
        # Topologically Sorted Source Nodes: [result_84], Original ATen: [aten.view, aten.t, aten.mm]
        extern_kernels.mm(reinterpret_tensor(arg55_1, (154, 32), (32, 1), 0), reinterpret_tensor(arg237_1, (32, 64), (1, 32), 0), out=buf269)
        del arg237_1
        assert_size_stride(arg238_1, (8, 32), (32, 1), 'input')
        buf270 = empty_strided_cpu((154, 8), (8, 1), torch.float32)
        # Topologically Sorted Source Nodes: [linear_115], Original ATen: [aten.view, aten.t, aten.mm]
        extern_kernels.mm(reinterpret_tensor(arg55_1, (154, 32), (32, 1), 0), reinterpret_tensor(arg238_1, (32, 8), (1, 32), 0), out=buf270)
        del arg238_1
        assert_size_stride(arg239_1, (64, 8), (8, 1), 'input')
        buf271 = reinterpret_tensor(buf184, (154, 64), (64, 1), 0); del buf184  # reuse
        # Topologically Sorted Source Nodes: [linear_116], Original ATen: [aten.t, aten.mm]
        extern_kernels.mm(buf270, reinterpret_tensor(arg239_1, (8, 64), (1, 8), 0), out=buf271)
        del arg239_1
        assert_size_stride(arg241_1, (8, 32), (32, 1), 'input')
        buf272 = buf270; del buf270  # reuse
        # Topologically Sorted Source Nodes: [linear_117], Original ATen: [aten.view, aten.t, aten.mm]
        extern_kernels.mm(reinterpret_tensor(arg55_1, (154, 32), (32, 1), 0), reinterpret_tensor(arg241_1, (32, 8), (1, 32), 0), out=buf272)
        del arg241_1
        assert_size_stride(arg242_1, (64, 8), (8, 1), 'input')
        buf273 = empty_strided_cpu((154, 64), (64, 1), torch.float32)
        # Topologically Sorted Source Nodes: [linear_118], Original ATen: [aten.t, aten.mm]
        extern_kernels.mm(buf272, reinterpret_tensor(arg242_1, (8, 64), (1, 8), 0), out=buf273)
        del arg242_1
        assert_size_stride(arg240_1, (), (), 'input')
        assert_size_stride(arg243_1, (), (), 'input')
        buf280 = reinterpret_tensor(buf269, (2, 8, 77, 8), (4928, 8, 64, 1), 0); del buf269  # reuse
        assert_size_stride(arg244_1, (64, 32), (32, 1), 'input')
        cpp_fused__scaled_dot_product_flash_attention_for_cpu__unsafe_view_add_mul_transpose_view_20(buf280, buf271, arg240_1, buf273, arg243_1)
        del arg240_1
        del arg243_1
        buf274 = buf273; del buf273  # reuse
        # Topologically Sorted Source Nodes: [result_88], Original ATen: [aten.view, aten.t, aten.mm]
        extern_kernels.mm(reinterpret_tensor(arg55_1, (154, 32), (32, 1), 0), reinterpret_tensor(arg244_1, (32, 64), (1, 32), 0), out=buf274)
        del arg244_1
        assert_size_stride(arg245_1, (8, 32), (32, 1), 'input')
        buf275 = buf272; del buf272  # reuse
        # Topologically Sorted Source Nodes: [linear_120], Original ATen: [aten.view, aten.t, aten.mm]
        extern_kernels.mm(reinterpret_tensor(arg55_1, (154, 32), (32, 1), 0), reinterpret_tensor(arg245_1, (32, 8), (1, 32), 0), out=buf275)
        del arg245_1
        assert_size_stride(arg246_1, (64, 8), (8, 1), 'input')
        buf276 = buf271; del buf271  # reuse
        # Topologically Sorted Source Nodes: [linear_121], Original ATen: [aten.t, aten.mm]
        extern_kernels.mm(buf275, reinterpret_tensor(arg246_1, (8, 64), (1, 8), 0), out=buf276)
        del arg246_1
        assert_size_stride(arg248_1, (8, 32), (32, 1), 'input')
        buf277 = buf275; del buf275  # reuse
        # Topologically Sorted Source Nodes: [linear_122], Original ATen: [aten.view, aten.t, aten.mm]
        extern_kernels.mm(reinterpret_tensor(arg55_1, (154, 32), (32, 1), 0), reinterpret_tensor(arg248_1, (32, 8), (1, 32), 0), out=buf277)
        del arg248_1
        assert_size_stride(arg249_1, (64, 8), (8, 1), 'input')
        buf278 = empty_strided_cpu((154, 64), (64, 1), torch.float32)
        # Topologically Sorted Source Nodes: [linear_123], Original ATen: [aten.t, aten.mm]
        extern_kernels.mm(buf277, reinterpret_tensor(arg249_1, (8, 64), (1, 8), 0), out=buf278)
        del arg249_1
        del buf277
        assert_size_stride(arg247_1, (), (), 'input')
        assert_size_stride(arg250_1, (), (), 'input')
        buf281 = reinterpret_tensor(buf274, (2, 8, 77, 8), (4928, 8, 64, 1), 0); del buf274  # reuse
        cpp_fused__scaled_dot_product_flash_attention_for_cpu__unsafe_view_add_mul_transpose_view_20(buf281, buf276, arg247_1, buf278, arg250_1)
        del arg247_1
        del arg250_1
        # Topologically Sorted Source Nodes: [result_80, linear_111, mul_45, result_81, linear_113, mul_46, result_82, view_15, query_5, result_84, linear_116, mul_47, result_85, linear_118, mul_48, result_86, view_16, key_5, result_88, linear_121, mul_49, result_89, linear_123, mul_50, result_90, view_17, value_5, hidden_states_81], Original ATen: [aten._unsafe_view, aten.mul, aten.add, aten.view, aten.transpose, aten._scaled_dot_product_flash_attention_for_cpu]
        buf282 = torch.ops.aten._scaled_dot_product_flash_attention_for_cpu.default(buf279, buf280, buf281)
        buf283 = buf282[0]
        assert_size_stride(buf283, (2, 8, 4, 8), (256, 8, 64, 1), 'torch.ops.aten._scaled_dot_product_flash_attention_for_cpu.default')
        assert_alignment(buf283, 16, 'torch.ops.aten._scaled_dot_product_flash_attention_for_cpu.default')
        del buf282
        assert_size_stride(arg253_1, (8, 64), (64, 1), 'input')
        buf286 = buf267; del buf267  # reuse
        # Topologically Sorted Source Nodes: [transpose_23, hidden_states_82, linear_125], Original ATen: [aten.transpose, aten.view, aten.t, aten.mm]
        extern_kernels.mm(reinterpret_tensor(buf283, (8, 64), (64, 1), 0), reinterpret_tensor(arg253_1, (64, 8), (1, 64), 0), out=buf286)
        del arg253_1
        assert_size_stride(arg254_1, (64, 8), (8, 1), 'input')
        buf287 = reinterpret_tensor(buf279, (8, 64), (64, 1), 0); del buf279  # reuse
        # Topologically Sorted Source Nodes: [linear_126], Original ATen: [aten.t, aten.mm]
        extern_kernels.mm(buf286, reinterpret_tensor(arg254_1, (8, 64), (1, 8), 0), out=buf287)
        del arg254_1
        assert_size_stride(arg256_1, (8, 64), (64, 1), 'input')
        buf288 = buf286; del buf286  # reuse
        # Topologically Sorted Source Nodes: [transpose_23, hidden_states_82, linear_127], Original ATen: [aten.transpose, aten.view, aten.t, aten.mm]
        extern_kernels.mm(reinterpret_tensor(buf283, (8, 64), (64, 1), 0), reinterpret_tensor(arg256_1, (64, 8), (1, 64), 0), out=buf288)
        del arg256_1
        assert_size_stride(arg257_1, (64, 8), (8, 1), 'input')
        buf289 = buf268; del buf268  # reuse
        # Topologically Sorted Source Nodes: [linear_128], Original ATen: [aten.t, aten.mm]
        extern_kernels.mm(buf288, reinterpret_tensor(arg257_1, (8, 64), (1, 8), 0), out=buf289)
        del arg257_1
        assert_size_stride(arg252_1, (64, ), (1, ), 'input')
        assert_size_stride(arg251_1, (64, 64), (64, 1), 'input')
        buf285 = buf266; del buf266  # reuse
        # Topologically Sorted Source Nodes: [transpose_23, hidden_states_82, result_92], Original ATen: [aten.transpose, aten.view, aten.t, aten.addmm]
        extern_kernels.addmm(arg252_1, reinterpret_tensor(buf283, (8, 64), (64, 1), 0), reinterpret_tensor(arg251_1, (64, 64), (1, 64), 0), alpha=1, beta=1, out=buf285)
        del arg251_1
        del arg252_1
        assert_size_stride(arg255_1, (), (), 'input')
        assert_size_stride(arg258_1, (), (), 'input')
        buf290 = reinterpret_tensor(buf285, (2, 4, 64), (256, 64, 1), 0); del buf285  # reuse
        assert_size_stride(arg259_1, (64, ), (1, ), 'input')
        assert_size_stride(arg260_1, (64, ), (1, ), 'input')
        buf291 = buf262; del buf262  # reuse
        buf292 = buf291; del buf291  # reuse
        buf293 = buf261; del buf261  # reuse
        buf294 = reinterpret_tensor(buf283, (2, 4, 64), (256, 64, 1), 0); del buf283  # reuse
        assert_size_stride(arg262_1, (512, ), (1, ), 'input')
        assert_size_stride(arg261_1, (512, 64), (64, 1), 'input')
        cpp_fused__unsafe_view_add_div_mul_native_layer_norm_permute_view_29(buf290, buf292, buf287, arg255_1, buf289, arg258_1, buf259, arg259_1, arg260_1, buf293, buf294)
        del arg255_1
        del arg258_1
        del arg259_1
        del arg260_1
        del buf259
        del buf287
        del buf289
        buf295 = empty_strided_cpu((8, 512), (512, 1), torch.float32)
        # Topologically Sorted Source Nodes: [norm_hidden_states_8, hidden_states_87], Original ATen: [aten.native_layer_norm, aten.view, aten.t, aten.addmm]
        extern_kernels.addmm(arg262_1, reinterpret_tensor(buf294, (8, 64), (64, 1), 0), reinterpret_tensor(arg261_1, (64, 512), (1, 64), 0), alpha=1, beta=1, out=buf295)
        del arg261_1
        del arg262_1
        buf296 = reinterpret_tensor(buf204, (2, 4, 256), (1024, 256, 1), 0); del buf204  # reuse
        assert_size_stride(arg264_1, (64, ), (1, ), 'input')
        assert_size_stride(arg263_1, (64, 256), (256, 1), 'input')
        cpp_fused_gelu_mul_split_view_30(buf295, buf296)
        del buf295
        buf297 = reinterpret_tensor(buf294, (8, 64), (64, 1), 0); del buf294  # reuse
        # Topologically Sorted Source Nodes: [hidden_states_87, chunk_2, gelu_2, hidden_states_89, hidden_states_91], Original ATen: [aten.view, aten.split, aten.gelu, aten.mul, aten.t, aten.addmm]
        extern_kernels.addmm(arg264_1, reinterpret_tensor(buf296, (8, 256), (256, 1), 0), reinterpret_tensor(arg263_1, (256, 64), (1, 256), 0), alpha=1, beta=1, out=buf297)
        del arg263_1
        del arg264_1
        del buf296
        buf298 = reinterpret_tensor(buf297, (2, 64, 2, 2), (256, 1, 128, 64), 0); del buf297  # reuse
        assert_size_stride(arg265_1, (64, 64, 1, 1), (64, 1, 64, 64), 'input')
        assert_size_stride(arg266_1, (64, ), (1, ), 'input')
        cpp_fused_add_clone_permute_view_31(buf298, buf290)
        # Topologically Sorted Source Nodes: [hidden_states_91, hidden_states_92, reshape_11, permute_5, hidden_states_93, hidden_states_94], Original ATen: [aten.view, aten.add, aten.permute, aten.clone, aten.convolution]
        buf299 = extern_kernels.convolution(buf298, arg265_1, arg266_1, stride=(1, 1), padding=(0, 0), dilation=(1, 1), transposed=False, output_padding=(0, 0), groups=1)
        assert_size_stride(buf299, (2, 64, 2, 2), (256, 1, 128, 64), 'torch.ops.aten.convolution.default')
        del arg265_1
        del arg266_1
        buf300 = buf299; del buf299  # reuse
        buf473 = empty_strided_cpu((2, 128, 2, 2), (512, 1, 256, 128), torch.float32)
        buf472 = reinterpret_tensor(buf473, (2, 64, 2, 2), (512, 1, 256, 128), 64)  # alias
        assert_size_stride(arg267_1, (64, 64, 3, 3), (576, 1, 192, 64), 'input')
        assert_size_stride(arg268_1, (64, ), (1, ), 'input')
        cpp_fused_add_cat_div_32(buf300, buf205, buf221, buf472)
        # Topologically Sorted Source Nodes: [hidden_states_95], Original ATen: [aten.convolution]
        buf301 = extern_kernels.convolution(buf300, arg267_1, arg268_1, stride=(2, 2), padding=(1, 1), dilation=(1, 1), transposed=False, output_padding=(0, 0), groups=1)
        assert_size_stride(buf301, (2, 64, 1, 1), (64, 1, 64, 64), 'torch.ops.aten.convolution.default')
        del arg267_1
        del arg268_1
        buf302 = buf224; del buf224  # reuse
        buf303 = buf302; del buf302  # reuse
        buf304 = buf223; del buf223  # reuse
        assert_size_stride(arg269_1, (64, ), (1, ), 'input')
        assert_size_stride(arg270_1, (64, ), (1, ), 'input')
        buf305 = buf226; del buf226  # reuse
        buf306 = buf225; del buf225  # reuse
        buf307 = reinterpret_tensor(buf305, (2, 64, 1, 1), (64, 1, 1, 1), 0); del buf305  # reuse
        assert_size_stride(arg271_1, (64, 64, 3, 3), (576, 1, 192, 64), 'input')
        assert_size_stride(arg272_1, (64, ), (1, ), 'input')
        cpp_fused_native_group_norm_silu_33(buf303, buf307, buf301, arg269_1, arg270_1, buf304, buf306)
        del arg269_1
        del arg270_1
        # Topologically Sorted Source Nodes: [hidden_states_96, hidden_states_97, hidden_states_98], Original ATen: [aten.native_group_norm, aten.silu, aten.convolution]
        buf308 = extern_kernels.convolution(buf307, arg271_1, arg272_1, stride=(1, 1), padding=(1, 1), dilation=(1, 1), transposed=False, output_padding=(0, 0), groups=1)
        assert_size_stride(buf308, (2, 64, 1, 1), (64, 1, 64, 64), 'torch.ops.aten.convolution.default')
        del arg271_1
        del arg272_1
        buf309 = reinterpret_tensor(buf192, (2, 128), (128, 1), 0); del buf192  # reuse
        buf325 = empty_strided_cpu((2, 128), (128, 1), torch.float32)
        assert_size_stride(arg274_1, (64, ), (1, ), 'input')
        assert_size_stride(arg273_1, (64, 128), (128, 1), 'input')
        cpp_fused_silu_34(buf19, buf309, buf325)
        buf310 = reinterpret_tensor(buf307, (2, 64), (64, 1), 0); del buf307  # reuse
        # Topologically Sorted Source Nodes: [temb_6, linear_131], Original ATen: [aten.silu, aten.t, aten.addmm]
        extern_kernels.addmm(arg274_1, buf309, reinterpret_tensor(arg273_1, (128, 64), (1, 128), 0), alpha=1, beta=1, out=buf310)
        del arg273_1
        del arg274_1
        buf311 = buf304; del buf304  # reuse
        buf312 = buf311; del buf311  # reuse
        buf313 = buf303; del buf303  # reuse
        assert_size_stride(arg275_1, (64, ), (1, ), 'input')
        assert_size_stride(arg276_1, (64, ), (1, ), 'input')
        buf314 = buf306; del buf306  # reuse
        buf315 = reinterpret_tensor(buf214, (2, 8, 8, 1), (64, 8, 1, 1), 0); del buf214  # reuse
        buf316 = reinterpret_tensor(buf308, (2, 64, 1, 1), (64, 1, 1, 1), 0); del buf308  # reuse
        assert_size_stride(arg277_1, (64, 64, 3, 3), (576, 1, 192, 64), 'input')
        assert_size_stride(arg278_1, (64, ), (1, ), 'input')
        cpp_fused_add_native_group_norm_silu_unsqueeze_35(buf312, buf316, buf310, arg275_1, arg276_1, buf313, buf314, buf315)
        del arg275_1
        del arg276_1
        # Topologically Sorted Source Nodes: [temb_7, hidden_states_99, hidden_states_100, hidden_states_101, hidden_states_103], Original ATen: [aten.unsqueeze, aten.add, aten.native_group_norm, aten.silu, aten.convolution]
        buf317 = extern_kernels.convolution(buf316, arg277_1, arg278_1, stride=(1, 1), padding=(1, 1), dilation=(1, 1), transposed=False, output_padding=(0, 0), groups=1)
        assert_size_stride(buf317, (2, 64, 1, 1), (64, 1, 64, 64), 'torch.ops.aten.convolution.default')
        del arg277_1
        del arg278_1
        buf318 = buf313; del buf313  # reuse
        buf319 = buf318; del buf318  # reuse
        buf320 = buf312; del buf312  # reuse
        assert_size_stride(arg279_1, (64, ), (1, ), 'input')
        assert_size_stride(arg280_1, (64, ), (1, ), 'input')
        buf321 = reinterpret_tensor(buf316, (2, 8, 8, 1), (64, 8, 1, 1), 0); del buf316  # reuse
        buf322 = buf315; del buf315  # reuse
        buf323 = reinterpret_tensor(buf321, (2, 64, 1, 1), (64, 1, 1, 1), 0); del buf321  # reuse
        assert_size_stride(arg281_1, (64, 64, 3, 3), (576, 1, 192, 64), 'input')
        assert_size_stride(arg282_1, (64, ), (1, ), 'input')
        cpp_fused_add_div_native_group_norm_silu_36(buf319, buf323, buf301, buf317, arg279_1, arg280_1, buf320, buf322)
        del arg279_1
        del arg280_1
        # Topologically Sorted Source Nodes: [add_67, output_tensor_3, hidden_states_104, hidden_states_105, hidden_states_106], Original ATen: [aten.add, aten.div, aten.native_group_norm, aten.silu, aten.convolution]
        buf324 = extern_kernels.convolution(buf323, arg281_1, arg282_1, stride=(1, 1), padding=(1, 1), dilation=(1, 1), transposed=False, output_padding=(0, 0), groups=1)
        assert_size_stride(buf324, (2, 64, 1, 1), (64, 1, 64, 64), 'torch.ops.aten.convolution.default')
        del arg281_1
        del arg282_1
        assert_size_stride(arg284_1, (64, ), (1, ), 'input')
        assert_size_stride(arg283_1, (64, 128), (128, 1), 'input')
        buf326 = reinterpret_tensor(buf323, (2, 64), (64, 1), 0); del buf323  # reuse
        # Topologically Sorted Source Nodes: [temb_8, linear_132], Original ATen: [aten.silu, aten.t, aten.addmm]
        extern_kernels.addmm(arg284_1, buf325, reinterpret_tensor(arg283_1, (128, 64), (1, 128), 0), alpha=1, beta=1, out=buf326)
        del arg283_1
        del arg284_1
        buf327 = buf320; del buf320  # reuse
        buf328 = buf327; del buf327  # reuse
        buf329 = buf319; del buf319  # reuse
        assert_size_stride(arg285_1, (64, ), (1, ), 'input')
        assert_size_stride(arg286_1, (64, ), (1, ), 'input')
        buf330 = buf322; del buf322  # reuse
        buf331 = buf314; del buf314  # reuse
        buf332 = reinterpret_tensor(buf324, (2, 64, 1, 1), (64, 1, 1, 1), 0); del buf324  # reuse
        assert_size_stride(arg287_1, (64, 64, 3, 3), (576, 1, 192, 64), 'input')
        assert_size_stride(arg288_1, (64, ), (1, ), 'input')
        cpp_fused_add_native_group_norm_silu_unsqueeze_35(buf328, buf332, buf326, arg285_1, arg286_1, buf329, buf330, buf331)
        del arg285_1
        del arg286_1
        # Topologically Sorted Source Nodes: [temb_9, hidden_states_107, hidden_states_108, hidden_states_109, hidden_states_111], Original ATen: [aten.unsqueeze, aten.add, aten.native_group_norm, aten.silu, aten.convolution]
        buf333 = extern_kernels.convolution(buf332, arg287_1, arg288_1, stride=(1, 1), padding=(1, 1), dilation=(1, 1), transposed=False, output_padding=(0, 0), groups=1)
        assert_size_stride(buf333, (2, 64, 1, 1), (64, 1, 64, 64), 'torch.ops.aten.convolution.default')
        del arg287_1
        del arg288_1
        buf334 = buf329; del buf329  # reuse
        buf335 = buf334; del buf334  # reuse
        buf336 = buf328; del buf328  # reuse
        assert_size_stride(arg289_1, (64, ), (1, ), 'input')
        assert_size_stride(arg290_1, (64, ), (1, ), 'input')
        buf337 = reinterpret_tensor(buf332, (2, 8, 8, 1), (64, 8, 1, 1), 0); del buf332  # reuse
        buf338 = buf331; del buf331  # reuse
        buf339 = reinterpret_tensor(buf337, (2, 64, 1, 1), (64, 1, 1, 1), 0); del buf337  # reuse
        assert_size_stride(arg291_1, (64, 64, 1, 1), (64, 1, 64, 64), 'input')
        assert_size_stride(arg292_1, (64, ), (1, ), 'input')
        cpp_fused_add_div_native_group_norm_37(buf335, buf339, buf301, buf317, buf333, arg289_1, arg290_1, buf336, buf338)
        del arg289_1
        del arg290_1
        # Topologically Sorted Source Nodes: [add_67, output_tensor_3, add_69, output_tensor_4, hidden_states_112, hidden_states_113], Original ATen: [aten.add, aten.div, aten.native_group_norm, aten.convolution]
        buf340 = extern_kernels.convolution(buf339, arg291_1, arg292_1, stride=(1, 1), padding=(0, 0), dilation=(1, 1), transposed=False, output_padding=(0, 0), groups=1)
        assert_size_stride(buf340, (2, 64, 1, 1), (64, 1, 64, 64), 'torch.ops.aten.convolution.default')
        del arg291_1
        del arg292_1
        assert_size_stride(arg293_1, (64, ), (1, ), 'input')
        assert_size_stride(arg294_1, (64, ), (1, ), 'input')
        buf341 = empty_strided_cpu((2, 1, 1), (1, 2, 2), torch.float32)
        buf342 = buf341; del buf341  # reuse
        buf343 = empty_strided_cpu((2, 1, 1), (1, 2, 2), torch.float32)
        buf344 = reinterpret_tensor(buf339, (2, 1, 64), (64, 64, 1), 0); del buf339  # reuse
        assert_size_stride(arg296_1, (8, 64), (64, 1), 'input')
        cpp_fused_native_layer_norm_permute_view_38(buf342, buf340, arg293_1, arg294_1, buf343, buf344)
        del arg293_1
        del arg294_1
        buf346 = reinterpret_tensor(buf336, (2, 8), (8, 1), 0); del buf336  # reuse
        # Topologically Sorted Source Nodes: [linear_134], Original ATen: [aten.view, aten.t, aten.mm]
        extern_kernels.mm(reinterpret_tensor(buf344, (2, 64), (64, 1), 0), reinterpret_tensor(arg296_1, (64, 8), (1, 64), 0), out=buf346)
        del arg296_1
        assert_size_stride(arg297_1, (64, 8), (8, 1), 'input')
        buf347 = reinterpret_tensor(buf338, (2, 64), (64, 1), 0); del buf338  # reuse
        # Topologically Sorted Source Nodes: [linear_135], Original ATen: [aten.t, aten.mm]
        extern_kernels.mm(buf346, reinterpret_tensor(arg297_1, (8, 64), (1, 8), 0), out=buf347)
        del arg297_1
        assert_size_stride(arg299_1, (8, 64), (64, 1), 'input')
        buf348 = buf346; del buf346  # reuse
        # Topologically Sorted Source Nodes: [linear_136], Original ATen: [aten.view, aten.t, aten.mm]
        extern_kernels.mm(reinterpret_tensor(buf344, (2, 64), (64, 1), 0), reinterpret_tensor(arg299_1, (64, 8), (1, 64), 0), out=buf348)
        del arg299_1
        assert_size_stride(arg300_1, (64, 8), (8, 1), 'input')
        buf349 = reinterpret_tensor(buf330, (2, 64), (64, 1), 0); del buf330  # reuse
        # Topologically Sorted Source Nodes: [linear_137], Original ATen: [aten.t, aten.mm]
        extern_kernels.mm(buf348, reinterpret_tensor(arg300_1, (8, 64), (1, 8), 0), out=buf349)
        del arg300_1
        assert_size_stride(arg295_1, (64, 64), (64, 1), 'input')
        buf345 = buf326; del buf326  # reuse
        # Topologically Sorted Source Nodes: [result_96], Original ATen: [aten.view, aten.t, aten.mm]
        extern_kernels.mm(reinterpret_tensor(buf344, (2, 64), (64, 1), 0), reinterpret_tensor(arg295_1, (64, 64), (1, 64), 0), out=buf345)
        del arg295_1
        assert_size_stride(arg298_1, (), (), 'input')
        assert_size_stride(arg301_1, (), (), 'input')
        buf360 = reinterpret_tensor(buf345, (2, 8, 1, 8), (64, 8, 64, 1), 0); del buf345  # reuse
        assert_size_stride(arg303_1, (8, 64), (64, 1), 'input')
        cpp_fused__scaled_dot_product_flash_attention_for_cpu__unsafe_view_add_mul_transpose_view_39(buf360, buf347, arg298_1, buf349, arg301_1)
        del arg298_1
        del arg301_1
        buf351 = buf348; del buf348  # reuse
        # Topologically Sorted Source Nodes: [linear_139], Original ATen: [aten.view, aten.t, aten.mm]
        extern_kernels.mm(reinterpret_tensor(buf344, (2, 64), (64, 1), 0), reinterpret_tensor(arg303_1, (64, 8), (1, 64), 0), out=buf351)
        del arg303_1
        assert_size_stride(arg304_1, (64, 8), (8, 1), 'input')
        buf352 = buf349; del buf349  # reuse
        # Topologically Sorted Source Nodes: [linear_140], Original ATen: [aten.t, aten.mm]
        extern_kernels.mm(buf351, reinterpret_tensor(arg304_1, (8, 64), (1, 8), 0), out=buf352)
        del arg304_1
        assert_size_stride(arg306_1, (8, 64), (64, 1), 'input')
        buf353 = buf351; del buf351  # reuse
        # Topologically Sorted Source Nodes: [linear_141], Original ATen: [aten.view, aten.t, aten.mm]
        extern_kernels.mm(reinterpret_tensor(buf344, (2, 64), (64, 1), 0), reinterpret_tensor(arg306_1, (64, 8), (1, 64), 0), out=buf353)
        del arg306_1
        assert_size_stride(arg307_1, (64, 8), (8, 1), 'input')
        buf354 = buf347; del buf347  # reuse
        # Topologically Sorted Source Nodes: [linear_142], Original ATen: [aten.t, aten.mm]
        extern_kernels.mm(buf353, reinterpret_tensor(arg307_1, (8, 64), (1, 8), 0), out=buf354)
        del arg307_1
        assert_size_stride(arg302_1, (64, 64), (64, 1), 'input')
        buf350 = buf310; del buf310  # reuse
        # Topologically Sorted Source Nodes: [result_100], Original ATen: [aten.view, aten.t, aten.mm]
        extern_kernels.mm(reinterpret_tensor(buf344, (2, 64), (64, 1), 0), reinterpret_tensor(arg302_1, (64, 64), (1, 64), 0), out=buf350)
        del arg302_1
        assert_size_stride(arg305_1, (), (), 'input')
        assert_size_stride(arg308_1, (), (), 'input')
        buf361 = reinterpret_tensor(buf350, (2, 8, 1, 8), (64, 8, 64, 1), 0); del buf350  # reuse
        assert_size_stride(arg310_1, (8, 64), (64, 1), 'input')
        cpp_fused__scaled_dot_product_flash_attention_for_cpu__unsafe_view_add_mul_transpose_view_39(buf361, buf352, arg305_1, buf354, arg308_1)
        del arg305_1
        del arg308_1
        buf356 = buf353; del buf353  # reuse
        # Topologically Sorted Source Nodes: [linear_144], Original ATen: [aten.view, aten.t, aten.mm]
        extern_kernels.mm(reinterpret_tensor(buf344, (2, 64), (64, 1), 0), reinterpret_tensor(arg310_1, (64, 8), (1, 64), 0), out=buf356)
        del arg310_1
        assert_size_stride(arg311_1, (64, 8), (8, 1), 'input')
        buf357 = buf354; del buf354  # reuse
        # Topologically Sorted Source Nodes: [linear_145], Original ATen: [aten.t, aten.mm]
        extern_kernels.mm(buf356, reinterpret_tensor(arg311_1, (8, 64), (1, 8), 0), out=buf357)
        del arg311_1
        assert_size_stride(arg313_1, (8, 64), (64, 1), 'input')
        buf358 = buf356; del buf356  # reuse
        # Topologically Sorted Source Nodes: [linear_146], Original ATen: [aten.view, aten.t, aten.mm]
        extern_kernels.mm(reinterpret_tensor(buf344, (2, 64), (64, 1), 0), reinterpret_tensor(arg313_1, (64, 8), (1, 64), 0), out=buf358)
        del arg313_1
        assert_size_stride(arg314_1, (64, 8), (8, 1), 'input')
        buf359 = buf352; del buf352  # reuse
        # Topologically Sorted Source Nodes: [linear_147], Original ATen: [aten.t, aten.mm]
        extern_kernels.mm(buf358, reinterpret_tensor(arg314_1, (8, 64), (1, 8), 0), out=buf359)
        del arg314_1
        assert_size_stride(arg309_1, (64, 64), (64, 1), 'input')
        buf355 = empty_strided_cpu((2, 64), (64, 1), torch.float32)
        # Topologically Sorted Source Nodes: [result_104], Original ATen: [aten.view, aten.t, aten.mm]
        extern_kernels.mm(reinterpret_tensor(buf344, (2, 64), (64, 1), 0), reinterpret_tensor(arg309_1, (64, 64), (1, 64), 0), out=buf355)
        del arg309_1
        del buf344
        assert_size_stride(arg312_1, (), (), 'input')
        assert_size_stride(arg315_1, (), (), 'input')
        buf362 = reinterpret_tensor(buf355, (2, 8, 1, 8), (64, 8, 64, 1), 0); del buf355  # reuse
        cpp_fused__scaled_dot_product_flash_attention_for_cpu__unsafe_view_add_mul_transpose_view_39(buf362, buf357, arg312_1, buf359, arg315_1)
        del arg312_1
        del arg315_1
        del buf357
        del buf359
        # Topologically Sorted Source Nodes: [result_96, linear_135, mul_54, result_97, linear_137, mul_55, result_98, view_18, query_6, result_100, linear_140, mul_56, result_101, linear_142, mul_57, result_102, view_19, key_6, result_104, linear_145, mul_58, result_105, linear_147, mul_59, result_106, view_20, value_6, hidden_states_115], Original ATen: [aten._unsafe_view, aten.mul, aten.add, aten.view, aten.transpose, aten._scaled_dot_product_flash_attention_for_cpu]
        buf363 = torch.ops.aten._scaled_dot_product_flash_attention_for_cpu.default(buf360, buf361, buf362)
        buf364 = buf363[0]
        assert_size_stride(buf364, (2, 8, 1, 8), (64, 8, 8, 1), 'torch.ops.aten._scaled_dot_product_flash_attention_for_cpu.default')
        assert_alignment(buf364, 16, 'torch.ops.aten._scaled_dot_product_flash_attention_for_cpu.default')
        del buf363
        assert_size_stride(arg318_1, (8, 64), (64, 1), 'input')
        buf367 = buf358; del buf358  # reuse
        # Topologically Sorted Source Nodes: [transpose_27, hidden_states_116, linear_149], Original ATen: [aten.transpose, aten.view, aten.t, aten.mm]
        extern_kernels.mm(reinterpret_tensor(buf364, (2, 64), (64, 1), 0), reinterpret_tensor(arg318_1, (64, 8), (1, 64), 0), out=buf367)
        del arg318_1
        assert_size_stride(arg319_1, (64, 8), (8, 1), 'input')
        buf368 = reinterpret_tensor(buf362, (2, 64), (64, 1), 0); del buf362  # reuse
        # Topologically Sorted Source Nodes: [linear_150], Original ATen: [aten.t, aten.mm]
        extern_kernels.mm(buf367, reinterpret_tensor(arg319_1, (8, 64), (1, 8), 0), out=buf368)
        del arg319_1
        assert_size_stride(arg321_1, (8, 64), (64, 1), 'input')
        buf369 = buf367; del buf367  # reuse
        # Topologically Sorted Source Nodes: [transpose_27, hidden_states_116, linear_151], Original ATen: [aten.transpose, aten.view, aten.t, aten.mm]
        extern_kernels.mm(reinterpret_tensor(buf364, (2, 64), (64, 1), 0), reinterpret_tensor(arg321_1, (64, 8), (1, 64), 0), out=buf369)
        del arg321_1
        assert_size_stride(arg322_1, (64, 8), (8, 1), 'input')
        buf370 = reinterpret_tensor(buf361, (2, 64), (64, 1), 0); del buf361  # reuse
        # Topologically Sorted Source Nodes: [linear_152], Original ATen: [aten.t, aten.mm]
        extern_kernels.mm(buf369, reinterpret_tensor(arg322_1, (8, 64), (1, 8), 0), out=buf370)
        del arg322_1
        assert_size_stride(arg317_1, (64, ), (1, ), 'input')
        assert_size_stride(arg316_1, (64, 64), (64, 1), 'input')
        buf366 = reinterpret_tensor(buf360, (2, 64), (64, 1), 0); del buf360  # reuse
        # Topologically Sorted Source Nodes: [transpose_27, hidden_states_116, result_108], Original ATen: [aten.transpose, aten.view, aten.t, aten.addmm]
        extern_kernels.addmm(arg317_1, reinterpret_tensor(buf364, (2, 64), (64, 1), 0), reinterpret_tensor(arg316_1, (64, 64), (1, 64), 0), alpha=1, beta=1, out=buf366)
        del arg316_1
        del arg317_1
        assert_size_stride(arg320_1, (), (), 'input')
        assert_size_stride(arg323_1, (), (), 'input')
        buf371 = reinterpret_tensor(buf366, (2, 1, 64), (64, 128, 1), 0); del buf366  # reuse
        assert_size_stride(arg324_1, (64, ), (1, ), 'input')
        assert_size_stride(arg325_1, (64, ), (1, ), 'input')
        buf372 = buf343; del buf343  # reuse
        buf373 = buf372; del buf372  # reuse
        buf374 = buf342; del buf342  # reuse
        buf375 = reinterpret_tensor(buf364, (2, 1, 64), (64, 64, 1), 0); del buf364  # reuse
        assert_size_stride(arg327_1, (8, 64), (64, 1), 'input')
        cpp_fused__unsafe_view_add_div_mul_native_layer_norm_permute_view_40(buf371, buf373, buf368, arg320_1, buf370, arg323_1, buf340, arg324_1, arg325_1, buf374, buf375)
        del arg320_1
        del arg323_1
        del arg324_1
        del arg325_1
        buf377 = buf369; del buf369  # reuse
        # Topologically Sorted Source Nodes: [linear_154], Original ATen: [aten.view, aten.t, aten.mm]
        extern_kernels.mm(reinterpret_tensor(buf375, (2, 64), (64, 1), 0), reinterpret_tensor(arg327_1, (64, 8), (1, 64), 0), out=buf377)
        del arg327_1
        assert_size_stride(arg328_1, (64, 8), (8, 1), 'input')
        buf378 = buf370; del buf370  # reuse
        # Topologically Sorted Source Nodes: [linear_155], Original ATen: [aten.t, aten.mm]
        extern_kernels.mm(buf377, reinterpret_tensor(arg328_1, (8, 64), (1, 8), 0), out=buf378)
        del arg328_1
        assert_size_stride(arg330_1, (8, 64), (64, 1), 'input')
        buf379 = buf377; del buf377  # reuse
        # Topologically Sorted Source Nodes: [linear_156], Original ATen: [aten.view, aten.t, aten.mm]
        extern_kernels.mm(reinterpret_tensor(buf375, (2, 64), (64, 1), 0), reinterpret_tensor(arg330_1, (64, 8), (1, 64), 0), out=buf379)
        del arg330_1
        assert_size_stride(arg331_1, (64, 8), (8, 1), 'input')
        buf380 = buf368; del buf368  # reuse
        # Topologically Sorted Source Nodes: [linear_157], Original ATen: [aten.t, aten.mm]
        extern_kernels.mm(buf379, reinterpret_tensor(arg331_1, (8, 64), (1, 8), 0), out=buf380)
        del arg331_1
        assert_size_stride(arg326_1, (64, 64), (64, 1), 'input')
        buf376 = reinterpret_tensor(buf340, (2, 64), (64, 1), 0); del buf340  # reuse
        # Topologically Sorted Source Nodes: [result_112], Original ATen: [aten.view, aten.t, aten.mm]
        extern_kernels.mm(reinterpret_tensor(buf375, (2, 64), (64, 1), 0), reinterpret_tensor(arg326_1, (64, 64), (1, 64), 0), out=buf376)
        del arg326_1
        assert_size_stride(arg329_1, (), (), 'input')
        assert_size_stride(arg332_1, (), (), 'input')
        buf391 = reinterpret_tensor(buf376, (2, 8, 1, 8), (64, 8, 64, 1), 0); del buf376  # reuse
        assert_size_stride(arg333_1, (64, 32), (32, 1), 'input')
        cpp_fused__scaled_dot_product_flash_attention_for_cpu__unsafe_view_add_mul_transpose_view_39(buf391, buf378, arg329_1, buf380, arg332_1)
        del arg329_1
        del arg332_1
        buf381 = reinterpret_tensor(buf281, (154, 64), (64, 1), 0); del buf281  # reuse
        # Topologically Sorted Source Nodes: [result_116], Original ATen: [aten.view, aten.t, aten.mm]
        extern_kernels.mm(reinterpret_tensor(arg55_1, (154, 32), (32, 1), 0), reinterpret_tensor(arg333_1, (32, 64), (1, 32), 0), out=buf381)
        del arg333_1
        assert_size_stride(arg334_1, (8, 32), (32, 1), 'input')
        buf382 = empty_strided_cpu((154, 8), (8, 1), torch.float32)
        # Topologically Sorted Source Nodes: [linear_159], Original ATen: [aten.view, aten.t, aten.mm]
        extern_kernels.mm(reinterpret_tensor(arg55_1, (154, 32), (32, 1), 0), reinterpret_tensor(arg334_1, (32, 8), (1, 32), 0), out=buf382)
        del arg334_1
        assert_size_stride(arg335_1, (64, 8), (8, 1), 'input')
        buf383 = reinterpret_tensor(buf280, (154, 64), (64, 1), 0); del buf280  # reuse
        # Topologically Sorted Source Nodes: [linear_160], Original ATen: [aten.t, aten.mm]
        extern_kernels.mm(buf382, reinterpret_tensor(arg335_1, (8, 64), (1, 8), 0), out=buf383)
        del arg335_1
        assert_size_stride(arg337_1, (8, 32), (32, 1), 'input')
        buf384 = buf382; del buf382  # reuse
        # Topologically Sorted Source Nodes: [linear_161], Original ATen: [aten.view, aten.t, aten.mm]
        extern_kernels.mm(reinterpret_tensor(arg55_1, (154, 32), (32, 1), 0), reinterpret_tensor(arg337_1, (32, 8), (1, 32), 0), out=buf384)
        del arg337_1
        assert_size_stride(arg338_1, (64, 8), (8, 1), 'input')
        buf385 = buf278; del buf278  # reuse
        # Topologically Sorted Source Nodes: [linear_162], Original ATen: [aten.t, aten.mm]
        extern_kernels.mm(buf384, reinterpret_tensor(arg338_1, (8, 64), (1, 8), 0), out=buf385)
        del arg338_1
        assert_size_stride(arg336_1, (), (), 'input')
        assert_size_stride(arg339_1, (), (), 'input')
        buf392 = reinterpret_tensor(buf381, (2, 8, 77, 8), (4928, 8, 64, 1), 0); del buf381  # reuse
        assert_size_stride(arg340_1, (64, 32), (32, 1), 'input')
        cpp_fused__scaled_dot_product_flash_attention_for_cpu__unsafe_view_add_mul_transpose_view_20(buf392, buf383, arg336_1, buf385, arg339_1)
        del arg336_1
        del arg339_1
        buf386 = buf385; del buf385  # reuse
        # Topologically Sorted Source Nodes: [result_120], Original ATen: [aten.view, aten.t, aten.mm]
        extern_kernels.mm(reinterpret_tensor(arg55_1, (154, 32), (32, 1), 0), reinterpret_tensor(arg340_1, (32, 64), (1, 32), 0), out=buf386)
        del arg340_1
        assert_size_stride(arg341_1, (8, 32), (32, 1), 'input')
        buf387 = buf384; del buf384  # reuse
        # Topologically Sorted Source Nodes: [linear_164], Original ATen: [aten.view, aten.t, aten.mm]
        extern_kernels.mm(reinterpret_tensor(arg55_1, (154, 32), (32, 1), 0), reinterpret_tensor(arg341_1, (32, 8), (1, 32), 0), out=buf387)
        del arg341_1
        assert_size_stride(arg342_1, (64, 8), (8, 1), 'input')
        buf388 = buf383; del buf383  # reuse
        # Topologically Sorted Source Nodes: [linear_165], Original ATen: [aten.t, aten.mm]
        extern_kernels.mm(buf387, reinterpret_tensor(arg342_1, (8, 64), (1, 8), 0), out=buf388)
        del arg342_1
        assert_size_stride(arg344_1, (8, 32), (32, 1), 'input')
        buf389 = buf387; del buf387  # reuse
        # Topologically Sorted Source Nodes: [linear_166], Original ATen: [aten.view, aten.t, aten.mm]
        extern_kernels.mm(reinterpret_tensor(arg55_1, (154, 32), (32, 1), 0), reinterpret_tensor(arg344_1, (32, 8), (1, 32), 0), out=buf389)
        del arg344_1
        assert_size_stride(arg345_1, (64, 8), (8, 1), 'input')
        buf390 = buf276; del buf276  # reuse
        # Topologically Sorted Source Nodes: [linear_167], Original ATen: [aten.t, aten.mm]
        extern_kernels.mm(buf389, reinterpret_tensor(arg345_1, (8, 64), (1, 8), 0), out=buf390)
        del arg345_1
        assert_size_stride(arg343_1, (), (), 'input')
        assert_size_stride(arg346_1, (), (), 'input')
        buf393 = reinterpret_tensor(buf386, (2, 8, 77, 8), (4928, 8, 64, 1), 0); del buf386  # reuse
        cpp_fused__scaled_dot_product_flash_attention_for_cpu__unsafe_view_add_mul_transpose_view_20(buf393, buf388, arg343_1, buf390, arg346_1)
        del arg343_1
        del arg346_1
        # Topologically Sorted Source Nodes: [result_112, linear_155, mul_62, result_113, linear_157, mul_63, result_114, view_21, query_7, result_116, linear_160, mul_64, result_117, linear_162, mul_65, result_118, view_22, key_7, result_120, linear_165, mul_66, result_121, linear_167, mul_67, result_122, view_23, value_7, hidden_states_121], Original ATen: [aten._unsafe_view, aten.mul, aten.add, aten.view, aten.transpose, aten._scaled_dot_product_flash_attention_for_cpu]
        buf394 = torch.ops.aten._scaled_dot_product_flash_attention_for_cpu.default(buf391, buf392, buf393)
        buf395 = buf394[0]
        assert_size_stride(buf395, (2, 8, 1, 8), (64, 8, 8, 1), 'torch.ops.aten._scaled_dot_product_flash_attention_for_cpu.default')
        assert_alignment(buf395, 16, 'torch.ops.aten._scaled_dot_product_flash_attention_for_cpu.default')
        del buf394
        buf420 = buf325; del buf325  # reuse
        buf439 = buf309; del buf309  # reuse
        buf459 = empty_strided_cpu((2, 128), (128, 1), torch.float32)
        buf481 = empty_strided_cpu((2, 128), (128, 1), torch.float32)
        assert_size_stride(arg404_1, (64, ), (1, ), 'input')
        assert_size_stride(arg403_1, (64, 128), (128, 1), 'input')
        cpp_fused_silu_41(buf19, buf420, buf439, buf459, buf481)
        buf482 = reinterpret_tensor(buf391, (2, 64), (64, 1), 0); del buf391  # reuse
        # Topologically Sorted Source Nodes: [temb_16, linear_178], Original ATen: [aten.silu, aten.t, aten.addmm]
        extern_kernels.addmm(arg404_1, buf481, reinterpret_tensor(arg403_1, (128, 64), (1, 128), 0), alpha=1, beta=1, out=buf482)
        del arg403_1
        del arg404_1
        assert_size_stride(arg349_1, (8, 64), (64, 1), 'input')
        buf398 = buf379; del buf379  # reuse
        # Topologically Sorted Source Nodes: [transpose_31, hidden_states_122, linear_169], Original ATen: [aten.transpose, aten.view, aten.t, aten.mm]
        extern_kernels.mm(reinterpret_tensor(buf395, (2, 64), (64, 1), 0), reinterpret_tensor(arg349_1, (64, 8), (1, 64), 0), out=buf398)
        del arg349_1
        assert_size_stride(arg350_1, (64, 8), (8, 1), 'input')
        buf399 = buf380; del buf380  # reuse
        # Topologically Sorted Source Nodes: [linear_170], Original ATen: [aten.t, aten.mm]
        extern_kernels.mm(buf398, reinterpret_tensor(arg350_1, (8, 64), (1, 8), 0), out=buf399)
        del arg350_1
        assert_size_stride(arg352_1, (8, 64), (64, 1), 'input')
        buf400 = buf398; del buf398  # reuse
        # Topologically Sorted Source Nodes: [transpose_31, hidden_states_122, linear_171], Original ATen: [aten.transpose, aten.view, aten.t, aten.mm]
        extern_kernels.mm(reinterpret_tensor(buf395, (2, 64), (64, 1), 0), reinterpret_tensor(arg352_1, (64, 8), (1, 64), 0), out=buf400)
        del arg352_1
        assert_size_stride(arg353_1, (64, 8), (8, 1), 'input')
        buf401 = buf378; del buf378  # reuse
        # Topologically Sorted Source Nodes: [linear_172], Original ATen: [aten.t, aten.mm]
        extern_kernels.mm(buf400, reinterpret_tensor(arg353_1, (8, 64), (1, 8), 0), out=buf401)
        del arg353_1
        assert_size_stride(arg348_1, (64, ), (1, ), 'input')
        assert_size_stride(arg347_1, (64, 64), (64, 1), 'input')
        buf397 = reinterpret_tensor(buf375, (2, 64), (64, 1), 0); del buf375  # reuse
        # Topologically Sorted Source Nodes: [transpose_31, hidden_states_122, result_124], Original ATen: [aten.transpose, aten.view, aten.t, aten.addmm]
        extern_kernels.addmm(arg348_1, reinterpret_tensor(buf395, (2, 64), (64, 1), 0), reinterpret_tensor(arg347_1, (64, 64), (1, 64), 0), alpha=1, beta=1, out=buf397)
        del arg347_1
        del arg348_1
        assert_size_stride(arg351_1, (), (), 'input')
        assert_size_stride(arg354_1, (), (), 'input')
        buf402 = reinterpret_tensor(buf397, (2, 1, 64), (64, 128, 1), 0); del buf397  # reuse
        assert_size_stride(arg355_1, (64, ), (1, ), 'input')
        assert_size_stride(arg356_1, (64, ), (1, ), 'input')
        buf403 = buf374; del buf374  # reuse
        buf404 = buf403; del buf403  # reuse
        buf405 = buf373; del buf373  # reuse
        buf406 = reinterpret_tensor(buf395, (2, 1, 64), (64, 64, 1), 0); del buf395  # reuse
        assert_size_stride(arg358_1, (512, ), (1, ), 'input')
        assert_size_stride(arg357_1, (512, 64), (64, 1), 'input')
        cpp_fused__unsafe_view_add_div_mul_native_layer_norm_permute_view_40(buf402, buf404, buf399, arg351_1, buf401, arg354_1, buf371, arg355_1, arg356_1, buf405, buf406)
        del arg351_1
        del arg354_1
        del arg355_1
        del arg356_1
        del buf371
        del buf399
        del buf404
        del buf405
        buf407 = empty_strided_cpu((2, 512), (512, 1), torch.float32)
        # Topologically Sorted Source Nodes: [norm_hidden_states_11, hidden_states_127], Original ATen: [aten.native_layer_norm, aten.view, aten.t, aten.addmm]
        extern_kernels.addmm(arg358_1, reinterpret_tensor(buf406, (2, 64), (64, 1), 0), reinterpret_tensor(arg357_1, (64, 512), (1, 64), 0), alpha=1, beta=1, out=buf407)
        del arg357_1
        del arg358_1
        buf408 = reinterpret_tensor(buf300, (2, 1, 256), (256, 256, 1), 0); del buf300  # reuse
        assert_size_stride(arg360_1, (64, ), (1, ), 'input')
        assert_size_stride(arg359_1, (64, 256), (256, 1), 'input')
        cpp_fused_gelu_mul_split_view_42(buf407, buf408)
        buf409 = reinterpret_tensor(buf406, (2, 64), (64, 1), 0); del buf406  # reuse
        # Topologically Sorted Source Nodes: [hidden_states_127, chunk_3, gelu_3, hidden_states_129, hidden_states_131], Original ATen: [aten.view, aten.split, aten.gelu, aten.mul, aten.t, aten.addmm]
        extern_kernels.addmm(arg360_1, reinterpret_tensor(buf408, (2, 256), (256, 1), 0), reinterpret_tensor(arg359_1, (256, 64), (1, 256), 0), alpha=1, beta=1, out=buf409)
        del arg359_1
        del arg360_1
        buf410 = reinterpret_tensor(buf409, (2, 1, 64), (64, 64, 1), 0); del buf409  # reuse
        assert_size_stride(arg361_1, (64, 64, 1, 1), (64, 1, 64, 64), 'input')
        assert_size_stride(arg362_1, (64, ), (1, ), 'input')
        cpp_fused_add_view_43(buf410, buf402)
        # Topologically Sorted Source Nodes: [hidden_states_131, hidden_states_132, reshape_15, permute_7, hidden_states_134], Original ATen: [aten.view, aten.add, aten.permute, aten.convolution]
        buf411 = extern_kernels.convolution(reinterpret_tensor(buf410, (2, 64, 1, 1), (64, 1, 0, 0), 0), arg361_1, arg362_1, stride=(1, 1), padding=(0, 0), dilation=(1, 1), transposed=False, output_padding=(0, 0), groups=1)
        assert_size_stride(buf411, (2, 64, 1, 1), (64, 1, 64, 64), 'torch.ops.aten.convolution.default')
        del arg361_1
        del arg362_1
        buf412 = reinterpret_tensor(buf400, (2, 8, 1, 1), (8, 1, 16, 16), 0); del buf400  # reuse
        buf413 = buf412; del buf412  # reuse
        buf414 = buf335; del buf335  # reuse
        assert_size_stride(arg363_1, (64, ), (1, ), 'input')
        assert_size_stride(arg364_1, (64, ), (1, ), 'input')
        buf415 = reinterpret_tensor(buf410, (2, 8, 8, 1), (64, 8, 1, 1), 0); del buf410  # reuse
        buf416 = reinterpret_tensor(buf402, (2, 8, 8, 1), (64, 8, 1, 1), 0); del buf402  # reuse
        buf417 = reinterpret_tensor(buf415, (2, 64, 1, 1), (64, 1, 64, 64), 0); del buf415  # reuse
        buf418 = reinterpret_tensor(buf417, (2, 64, 1, 1), (64, 1, 1, 1), 0); del buf417  # reuse
        assert_size_stride(arg365_1, (64, 64, 3, 3), (576, 1, 192, 64), 'input')
        assert_size_stride(arg366_1, (64, ), (1, ), 'input')
        cpp_fused_add_div_native_group_norm_silu_44(buf413, buf418, buf411, buf301, buf317, buf333, arg363_1, arg364_1, buf414, buf416)
        del arg363_1
        del arg364_1
        # Topologically Sorted Source Nodes: [hidden_states_136, hidden_states_137], Original ATen: [aten.silu, aten.convolution]
        buf419 = extern_kernels.convolution(buf418, arg365_1, arg366_1, stride=(1, 1), padding=(1, 1), dilation=(1, 1), transposed=False, output_padding=(0, 0), groups=1)
        assert_size_stride(buf419, (2, 64, 1, 1), (64, 1, 64, 64), 'torch.ops.aten.convolution.default')
        del arg365_1
        del arg366_1
        assert_size_stride(arg368_1, (64, ), (1, ), 'input')
        assert_size_stride(arg367_1, (64, 128), (128, 1), 'input')
        buf421 = reinterpret_tensor(buf418, (2, 64), (64, 1), 0); del buf418  # reuse
        # Topologically Sorted Source Nodes: [temb_10, linear_175], Original ATen: [aten.silu, aten.t, aten.addmm]
        extern_kernels.addmm(arg368_1, buf420, reinterpret_tensor(arg367_1, (128, 64), (1, 128), 0), alpha=1, beta=1, out=buf421)
        del arg367_1
        del arg368_1
        buf422 = buf414; del buf414  # reuse
        buf423 = buf422; del buf422  # reuse
        buf424 = buf413; del buf413  # reuse
        assert_size_stride(arg369_1, (64, ), (1, ), 'input')
        assert_size_stride(arg370_1, (64, ), (1, ), 'input')
        buf425 = buf416; del buf416  # reuse
        buf426 = reinterpret_tensor(buf401, (2, 8, 8, 1), (64, 8, 1, 1), 0); del buf401  # reuse
        buf427 = reinterpret_tensor(buf419, (2, 64, 1, 1), (64, 1, 1, 1), 0); del buf419  # reuse
        assert_size_stride(arg371_1, (64, 64, 3, 3), (576, 1, 192, 64), 'input')
        assert_size_stride(arg372_1, (64, ), (1, ), 'input')
        cpp_fused_add_native_group_norm_silu_unsqueeze_35(buf423, buf427, buf421, arg369_1, arg370_1, buf424, buf425, buf426)
        del arg369_1
        del arg370_1
        del buf421
        del buf425
        del buf426
        # Topologically Sorted Source Nodes: [temb_11, hidden_states_138, hidden_states_139, hidden_states_140, hidden_states_142], Original ATen: [aten.unsqueeze, aten.add, aten.native_group_norm, aten.silu, aten.convolution]
        buf428 = extern_kernels.convolution(buf427, arg371_1, arg372_1, stride=(1, 1), padding=(1, 1), dilation=(1, 1), transposed=False, output_padding=(0, 0), groups=1)
        assert_size_stride(buf428, (2, 64, 1, 1), (64, 1, 64, 64), 'torch.ops.aten.convolution.default')
        del arg371_1
        del arg372_1
        del buf427
        buf431 = reinterpret_tensor(buf420, (2, 128, 1, 1), (128, 1, 128, 128), 0); del buf420  # reuse
        buf429 = reinterpret_tensor(buf431, (2, 64, 1, 1), (128, 1, 128, 128), 0)  # alias
        buf430 = reinterpret_tensor(buf431, (2, 64, 1, 1), (128, 1, 128, 128), 64)  # alias
        buf451 = reinterpret_tensor(buf481, (2, 128, 1, 1), (128, 1, 128, 128), 0); del buf481  # reuse
        buf450 = reinterpret_tensor(buf451, (2, 64, 1, 1), (128, 1, 128, 128), 64)  # alias
        buf432 = buf424; del buf424  # reuse
        buf433 = buf432; del buf432  # reuse
        buf434 = buf423; del buf423  # reuse
        assert_size_stride(arg373_1, (128, ), (1, ), 'input')
        assert_size_stride(arg374_1, (128, ), (1, ), 'input')
        buf435 = empty_strided_cpu((2, 8, 16, 1), (128, 16, 1, 1), torch.float32)
        buf436 = empty_strided_cpu((2, 8, 16, 1), (128, 16, 1, 1), torch.float32)
        buf437 = reinterpret_tensor(buf435, (2, 128, 1, 1), (128, 1, 1, 1), 0); del buf435  # reuse
        assert_size_stride(arg375_1, (64, 128, 3, 3), (1152, 1, 384, 128), 'input')
        assert_size_stride(arg376_1, (64, ), (1, ), 'input')
        cpp_fused_add_cat_div_native_group_norm_silu_45(buf433, buf437, buf411, buf301, buf317, buf333, buf428, buf431, arg373_1, arg374_1, buf429, buf430, buf450, buf434, buf436)
        del arg373_1
        del arg374_1
        del buf301
        del buf317
        del buf429
        del buf430
        del buf436
        # Topologically Sorted Source Nodes: [hidden_states_144, hidden_states_145, hidden_states_146], Original ATen: [aten.native_group_norm, aten.silu, aten.convolution]
        buf438 = extern_kernels.convolution(buf437, arg375_1, arg376_1, stride=(1, 1), padding=(1, 1), dilation=(1, 1), transposed=False, output_padding=(0, 0), groups=1)
        assert_size_stride(buf438, (2, 64, 1, 1), (64, 1, 64, 64), 'torch.ops.aten.convolution.default')
        del arg375_1
        del arg376_1
        del buf437
        assert_size_stride(arg378_1, (64, ), (1, ), 'input')
        assert_size_stride(arg377_1, (64, 128), (128, 1), 'input')
        buf440 = reinterpret_tensor(buf428, (2, 64), (64, 1), 0); del buf428  # reuse
        # Topologically Sorted Source Nodes: [temb_12, linear_176], Original ATen: [aten.silu, aten.t, aten.addmm]
        extern_kernels.addmm(arg378_1, buf439, reinterpret_tensor(arg377_1, (128, 64), (1, 128), 0), alpha=1, beta=1, out=buf440)
        del arg377_1
        del arg378_1
        buf441 = buf434; del buf434  # reuse
        buf442 = buf441; del buf441  # reuse
        buf443 = buf433; del buf433  # reuse
        assert_size_stride(arg379_1, (64, ), (1, ), 'input')
        assert_size_stride(arg380_1, (64, ), (1, ), 'input')
        buf445 = reinterpret_tensor(buf411, (2, 8, 8, 1), (64, 8, 1, 1), 0); del buf411  # reuse
        buf446 = reinterpret_tensor(buf333, (2, 8, 8, 1), (64, 8, 1, 1), 0); del buf333  # reuse
        buf447 = reinterpret_tensor(buf438, (2, 64, 1, 1), (64, 1, 1, 1), 0); del buf438  # reuse
        assert_size_stride(arg381_1, (64, 64, 3, 3), (576, 1, 192, 64), 'input')
        assert_size_stride(arg382_1, (64, ), (1, ), 'input')
        cpp_fused_add_native_group_norm_silu_unsqueeze_35(buf442, buf447, buf440, arg379_1, arg380_1, buf443, buf445, buf446)
        del arg379_1
        del arg380_1
        del buf440
        del buf445
        del buf446
        # Topologically Sorted Source Nodes: [temb_13, hidden_states_147, hidden_states_148, hidden_states_149, hidden_states_151], Original ATen: [aten.unsqueeze, aten.add, aten.native_group_norm, aten.silu, aten.convolution]
        buf448 = extern_kernels.convolution(buf447, arg381_1, arg382_1, stride=(1, 1), padding=(1, 1), dilation=(1, 1), transposed=False, output_padding=(0, 0), groups=1)
        assert_size_stride(buf448, (2, 64, 1, 1), (64, 1, 64, 64), 'torch.ops.aten.convolution.default')
        del arg381_1
        del arg382_1
        assert_size_stride(arg383_1, (64, 128, 1, 1), (128, 1, 128, 128), 'input')
        assert_size_stride(arg384_1, (64, ), (1, ), 'input')
        # Topologically Sorted Source Nodes: [input_tensor_1], Original ATen: [aten.convolution]
        buf444 = extern_kernels.convolution(buf431, arg383_1, arg384_1, stride=(1, 1), padding=(0, 0), dilation=(1, 1), transposed=False, output_padding=(0, 0), groups=1)
        assert_size_stride(buf444, (2, 64, 1, 1), (64, 1, 64, 64), 'torch.ops.aten.convolution.default')
        del arg383_1
        del arg384_1
        buf449 = reinterpret_tensor(buf451, (2, 64, 1, 1), (128, 1, 128, 128), 0)  # alias
        buf452 = buf443; del buf443  # reuse
        buf453 = buf452; del buf452  # reuse
        buf454 = buf442; del buf442  # reuse
        assert_size_stride(arg385_1, (128, ), (1, ), 'input')
        assert_size_stride(arg386_1, (128, ), (1, ), 'input')
        buf455 = reinterpret_tensor(buf431, (2, 8, 16, 1), (128, 16, 1, 1), 0); del buf431  # reuse
        buf456 = reinterpret_tensor(buf439, (2, 8, 16, 1), (128, 16, 1, 1), 0); del buf439  # reuse
        buf457 = reinterpret_tensor(buf455, (2, 128, 1, 1), (128, 1, 1, 1), 0); del buf455  # reuse
        assert_size_stride(arg387_1, (64, 128, 3, 3), (1152, 1, 384, 128), 'input')
        assert_size_stride(arg388_1, (64, ), (1, ), 'input')
        cpp_fused_add_div_native_group_norm_silu_46(buf453, buf457, buf444, buf448, buf451, arg385_1, arg386_1, buf449, buf454, buf456)
        del arg385_1
        del arg386_1
        del buf449
        del buf450
        del buf456
        # Topologically Sorted Source Nodes: [hidden_states_153, hidden_states_154, hidden_states_155], Original ATen: [aten.native_group_norm, aten.silu, aten.convolution]
        buf458 = extern_kernels.convolution(buf457, arg387_1, arg388_1, stride=(1, 1), padding=(1, 1), dilation=(1, 1), transposed=False, output_padding=(0, 0), groups=1)
        assert_size_stride(buf458, (2, 64, 1, 1), (64, 1, 64, 64), 'torch.ops.aten.convolution.default')
        del arg387_1
        del arg388_1
        del buf457
        assert_size_stride(arg390_1, (64, ), (1, ), 'input')
        assert_size_stride(arg389_1, (64, 128), (128, 1), 'input')
        buf460 = reinterpret_tensor(buf448, (2, 64), (64, 1), 0); del buf448  # reuse
        # Topologically Sorted Source Nodes: [temb_14, linear_177], Original ATen: [aten.silu, aten.t, aten.addmm]
        extern_kernels.addmm(arg390_1, buf459, reinterpret_tensor(arg389_1, (128, 64), (1, 128), 0), alpha=1, beta=1, out=buf460)
        del arg389_1
        del arg390_1
        buf461 = buf454; del buf454  # reuse
        buf462 = buf461; del buf461  # reuse
        buf463 = buf453; del buf453  # reuse
        assert_size_stride(arg391_1, (64, ), (1, ), 'input')
        assert_size_stride(arg392_1, (64, ), (1, ), 'input')
        buf465 = reinterpret_tensor(buf444, (2, 8, 8, 1), (64, 8, 1, 1), 0); del buf444  # reuse
        buf466 = reinterpret_tensor(buf447, (2, 8, 8, 1), (64, 8, 1, 1), 0); del buf447  # reuse
        buf467 = reinterpret_tensor(buf458, (2, 64, 1, 1), (64, 1, 1, 1), 0); del buf458  # reuse
        assert_size_stride(arg393_1, (64, 64, 3, 3), (576, 1, 192, 64), 'input')
        assert_size_stride(arg394_1, (64, ), (1, ), 'input')
        cpp_fused_add_native_group_norm_silu_unsqueeze_35(buf462, buf467, buf460, arg391_1, arg392_1, buf463, buf465, buf466)
        del arg391_1
        del arg392_1
        del buf460
        del buf465
        del buf466
        # Topologically Sorted Source Nodes: [temb_15, hidden_states_156, hidden_states_157, hidden_states_158, hidden_states_160], Original ATen: [aten.unsqueeze, aten.add, aten.native_group_norm, aten.silu, aten.convolution]
        buf468 = extern_kernels.convolution(buf467, arg393_1, arg394_1, stride=(1, 1), padding=(1, 1), dilation=(1, 1), transposed=False, output_padding=(0, 0), groups=1)
        assert_size_stride(buf468, (2, 64, 1, 1), (64, 1, 64, 64), 'torch.ops.aten.convolution.default')
        del arg393_1
        del arg394_1
        del buf467
        assert_size_stride(arg395_1, (64, 128, 1, 1), (128, 1, 128, 128), 'input')
        assert_size_stride(arg396_1, (64, ), (1, ), 'input')
        # Topologically Sorted Source Nodes: [input_tensor_2], Original ATen: [aten.convolution]
        buf464 = extern_kernels.convolution(buf451, arg395_1, arg396_1, stride=(1, 1), padding=(0, 0), dilation=(1, 1), transposed=False, output_padding=(0, 0), groups=1)
        assert_size_stride(buf464, (2, 64, 1, 1), (64, 1, 64, 64), 'torch.ops.aten.convolution.default')
        del arg395_1
        del arg396_1
        buf469 = reinterpret_tensor(buf408, (2, 64, 2, 2), (256, 1, 128, 64), 0); del buf408  # reuse
        assert_size_stride(arg397_1, (64, 64, 3, 3), (576, 1, 192, 64), 'input')
        assert_size_stride(arg398_1, (64, ), (1, ), 'input')
        cpp_fused__to_copy__unsafe_index_add_arange_clone_div_mul_unsqueeze_47(buf464, buf468, buf469)
        # Topologically Sorted Source Nodes: [add_95, output_tensor_7, hidden_states_161, hidden_states_162], Original ATen: [aten.add, aten.div, aten.arange, aten.mul, aten._to_copy, aten.unsqueeze, aten._unsafe_index, aten.clone, aten.convolution]
        buf470 = extern_kernels.convolution(buf469, arg397_1, arg398_1, stride=(1, 1), padding=(1, 1), dilation=(1, 1), transposed=False, output_padding=(0, 0), groups=1)
        assert_size_stride(buf470, (2, 64, 2, 2), (256, 1, 128, 64), 'torch.ops.aten.convolution.default')
        del arg397_1
        del arg398_1
        buf471 = reinterpret_tensor(buf473, (2, 64, 2, 2), (512, 1, 256, 128), 0)  # alias
        buf474 = buf463; del buf463  # reuse
        buf475 = buf474; del buf474  # reuse
        assert_size_stride(arg399_1, (128, ), (1, ), 'input')
        assert_size_stride(arg400_1, (128, ), (1, ), 'input')
        buf476 = buf462; del buf462  # reuse
        buf477 = reinterpret_tensor(buf451, (2, 8, 16, 1), (128, 16, 1, 1), 0); del buf451  # reuse
        buf478 = reinterpret_tensor(buf459, (2, 8, 16, 1), (128, 16, 1, 1), 0); del buf459  # reuse
        buf479 = reinterpret_tensor(buf407, (2, 128, 2, 2), (512, 1, 256, 128), 0); del buf407  # reuse
        assert_size_stride(arg401_1, (64, 128, 3, 3), (1152, 1, 384, 128), 'input')
        assert_size_stride(arg402_1, (64, ), (1, ), 'input')
        cpp_fused_cat_native_group_norm_silu_48(buf475, buf470, buf473, arg399_1, arg400_1, buf471, buf476, buf477, buf478, buf479)
        del arg399_1
        del arg400_1
        del buf471
        del buf472
        # Topologically Sorted Source Nodes: [hidden_states_164, hidden_states_165, hidden_states_166], Original ATen: [aten.native_group_norm, aten.silu, aten.convolution]
        buf480 = extern_kernels.convolution(buf479, arg401_1, arg402_1, stride=(1, 1), padding=(1, 1), dilation=(1, 1), transposed=False, output_padding=(0, 0), groups=1)
        assert_size_stride(buf480, (2, 64, 2, 2), (256, 1, 128, 64), 'torch.ops.aten.convolution.default')
        del arg401_1
        del arg402_1
        del buf479
        buf483 = buf476; del buf476  # reuse
        buf484 = buf483; del buf483  # reuse
        assert_size_stride(arg405_1, (64, ), (1, ), 'input')
        assert_size_stride(arg406_1, (64, ), (1, ), 'input')
        buf485 = buf475; del buf475  # reuse
        buf487 = reinterpret_tensor(buf468, (2, 8, 8, 1), (64, 8, 1, 1), 0); del buf468  # reuse
        buf488 = reinterpret_tensor(buf464, (2, 8, 8, 1), (64, 8, 1, 1), 0); del buf464  # reuse
        buf489 = buf480; del buf480  # reuse
        assert_size_stride(arg407_1, (64, 64, 3, 3), (576, 1, 192, 64), 'input')
        assert_size_stride(arg408_1, (64, ), (1, ), 'input')
        cpp_fused_add_native_group_norm_silu_unsqueeze_25(buf484, buf489, buf482, arg405_1, arg406_1, buf485, buf487, buf488)
        del arg405_1
        del arg406_1
        del buf482
        # Topologically Sorted Source Nodes: [temb_17, hidden_states_167, hidden_states_168, hidden_states_169, hidden_states_171], Original ATen: [aten.unsqueeze, aten.add, aten.native_group_norm, aten.silu, aten.convolution]
        buf490 = extern_kernels.convolution(buf489, arg407_1, arg408_1, stride=(1, 1), padding=(1, 1), dilation=(1, 1), transposed=False, output_padding=(0, 0), groups=1)
        assert_size_stride(buf490, (2, 64, 2, 2), (256, 1, 128, 64), 'torch.ops.aten.convolution.default')
        del arg407_1
        del arg408_1
        assert_size_stride(arg409_1, (64, 128, 1, 1), (128, 1, 128, 128), 'input')
        assert_size_stride(arg410_1, (64, ), (1, ), 'input')
        # Topologically Sorted Source Nodes: [input_tensor_3], Original ATen: [aten.convolution]
        buf486 = extern_kernels.convolution(buf473, arg409_1, arg410_1, stride=(1, 1), padding=(0, 0), dilation=(1, 1), transposed=False, output_padding=(0, 0), groups=1)
        assert_size_stride(buf486, (2, 64, 2, 2), (256, 1, 128, 64), 'torch.ops.aten.convolution.default')
        del arg409_1
        del arg410_1
        buf491 = buf485; del buf485  # reuse
        buf492 = buf491; del buf491  # reuse
        assert_size_stride(arg411_1, (64, ), (1, ), 'input')
        assert_size_stride(arg412_1, (64, ), (1, ), 'input')
        buf493 = buf484; del buf484  # reuse
        buf494 = buf488; del buf488  # reuse
        buf495 = buf487; del buf487  # reuse
        buf496 = buf489; del buf489  # reuse
        assert_size_stride(arg413_1, (64, 64, 1, 1), (64, 1, 64, 64), 'input')
        assert_size_stride(arg414_1, (64, ), (1, ), 'input')
        cpp_fused_add_div_native_group_norm_26(buf492, buf486, buf490, arg411_1, arg412_1, buf493, buf494, buf495, buf496)
        del arg411_1
        del arg412_1
        del buf494
        # Topologically Sorted Source Nodes: [add_97, output_tensor_8, hidden_states_172, hidden_states_173], Original ATen: [aten.add, aten.div, aten.native_group_norm, aten.convolution]
        buf497 = extern_kernels.convolution(buf496, arg413_1, arg414_1, stride=(1, 1), padding=(0, 0), dilation=(1, 1), transposed=False, output_padding=(0, 0), groups=1)
        assert_size_stride(buf497, (2, 64, 2, 2), (256, 1, 128, 64), 'torch.ops.aten.convolution.default')
        del arg413_1
        del arg414_1
        assert_size_stride(arg415_1, (64, ), (1, ), 'input')
        assert_size_stride(arg416_1, (64, ), (1, ), 'input')
        buf498 = buf293; del buf293  # reuse
        buf499 = buf498; del buf498  # reuse
        buf500 = buf292; del buf292  # reuse
        buf501 = reinterpret_tensor(buf496, (2, 4, 64), (256, 64, 1), 0); del buf496  # reuse
        assert_size_stride(arg418_1, (8, 64), (64, 1), 'input')
        cpp_fused_native_layer_norm_permute_view_27(buf499, buf497, arg415_1, arg416_1, buf500, buf501)
        del arg415_1
        del arg416_1
        buf503 = buf288; del buf288  # reuse
        # Topologically Sorted Source Nodes: [linear_180], Original ATen: [aten.view, aten.t, aten.mm]
        extern_kernels.mm(reinterpret_tensor(buf501, (8, 64), (64, 1), 0), reinterpret_tensor(arg418_1, (64, 8), (1, 64), 0), out=buf503)
        del arg418_1
        assert_size_stride(arg419_1, (64, 8), (8, 1), 'input')
        buf504 = reinterpret_tensor(buf470, (8, 64), (64, 1), 0); del buf470  # reuse
        # Topologically Sorted Source Nodes: [linear_181], Original ATen: [aten.t, aten.mm]
        extern_kernels.mm(buf503, reinterpret_tensor(arg419_1, (8, 64), (1, 8), 0), out=buf504)
        del arg419_1
        assert_size_stride(arg421_1, (8, 64), (64, 1), 'input')
        buf505 = buf503; del buf503  # reuse
        # Topologically Sorted Source Nodes: [linear_182], Original ATen: [aten.view, aten.t, aten.mm]
        extern_kernels.mm(reinterpret_tensor(buf501, (8, 64), (64, 1), 0), reinterpret_tensor(arg421_1, (64, 8), (1, 64), 0), out=buf505)
        del arg421_1
        assert_size_stride(arg422_1, (64, 8), (8, 1), 'input')
        buf506 = reinterpret_tensor(buf469, (8, 64), (64, 1), 0); del buf469  # reuse
        # Topologically Sorted Source Nodes: [linear_183], Original ATen: [aten.t, aten.mm]
        extern_kernels.mm(buf505, reinterpret_tensor(arg422_1, (8, 64), (1, 8), 0), out=buf506)
        del arg422_1
        assert_size_stride(arg417_1, (64, 64), (64, 1), 'input')
        buf502 = reinterpret_tensor(buf221, (8, 64), (64, 1), 0); del buf221  # reuse
        # Topologically Sorted Source Nodes: [result_128], Original ATen: [aten.view, aten.t, aten.mm]
        extern_kernels.mm(reinterpret_tensor(buf501, (8, 64), (64, 1), 0), reinterpret_tensor(arg417_1, (64, 64), (1, 64), 0), out=buf502)
        del arg417_1
        assert_size_stride(arg420_1, (), (), 'input')
        assert_size_stride(arg423_1, (), (), 'input')
        buf517 = reinterpret_tensor(buf502, (2, 8, 4, 8), (256, 8, 64, 1), 0); del buf502  # reuse
        assert_size_stride(arg425_1, (8, 64), (64, 1), 'input')
        cpp_fused__scaled_dot_product_flash_attention_for_cpu__unsafe_view_add_mul_transpose_view_28(buf517, buf504, arg420_1, buf506, arg423_1)
        del arg420_1
        del arg423_1
        buf508 = buf505; del buf505  # reuse
        # Topologically Sorted Source Nodes: [linear_185], Original ATen: [aten.view, aten.t, aten.mm]
        extern_kernels.mm(reinterpret_tensor(buf501, (8, 64), (64, 1), 0), reinterpret_tensor(arg425_1, (64, 8), (1, 64), 0), out=buf508)
        del arg425_1
        assert_size_stride(arg426_1, (64, 8), (8, 1), 'input')
        buf509 = buf506; del buf506  # reuse
        # Topologically Sorted Source Nodes: [linear_186], Original ATen: [aten.t, aten.mm]
        extern_kernels.mm(buf508, reinterpret_tensor(arg426_1, (8, 64), (1, 8), 0), out=buf509)
        del arg426_1
        assert_size_stride(arg428_1, (8, 64), (64, 1), 'input')
        buf510 = buf508; del buf508  # reuse
        # Topologically Sorted Source Nodes: [linear_187], Original ATen: [aten.view, aten.t, aten.mm]
        extern_kernels.mm(reinterpret_tensor(buf501, (8, 64), (64, 1), 0), reinterpret_tensor(arg428_1, (64, 8), (1, 64), 0), out=buf510)
        del arg428_1
        assert_size_stride(arg429_1, (64, 8), (8, 1), 'input')
        buf511 = buf504; del buf504  # reuse
        # Topologically Sorted Source Nodes: [linear_188], Original ATen: [aten.t, aten.mm]
        extern_kernels.mm(buf510, reinterpret_tensor(arg429_1, (8, 64), (1, 8), 0), out=buf511)
        del arg429_1
        assert_size_stride(arg424_1, (64, 64), (64, 1), 'input')
        buf507 = reinterpret_tensor(buf298, (8, 64), (64, 1), 0); del buf298  # reuse
        # Topologically Sorted Source Nodes: [result_132], Original ATen: [aten.view, aten.t, aten.mm]
        extern_kernels.mm(reinterpret_tensor(buf501, (8, 64), (64, 1), 0), reinterpret_tensor(arg424_1, (64, 64), (1, 64), 0), out=buf507)
        del arg424_1
        assert_size_stride(arg427_1, (), (), 'input')
        assert_size_stride(arg430_1, (), (), 'input')
        buf518 = reinterpret_tensor(buf507, (2, 8, 4, 8), (256, 8, 64, 1), 0); del buf507  # reuse
        assert_size_stride(arg432_1, (8, 64), (64, 1), 'input')
        cpp_fused__scaled_dot_product_flash_attention_for_cpu__unsafe_view_add_mul_transpose_view_28(buf518, buf509, arg427_1, buf511, arg430_1)
        del arg427_1
        del arg430_1
        buf513 = buf510; del buf510  # reuse
        # Topologically Sorted Source Nodes: [linear_190], Original ATen: [aten.view, aten.t, aten.mm]
        extern_kernels.mm(reinterpret_tensor(buf501, (8, 64), (64, 1), 0), reinterpret_tensor(arg432_1, (64, 8), (1, 64), 0), out=buf513)
        del arg432_1
        assert_size_stride(arg433_1, (64, 8), (8, 1), 'input')
        buf514 = buf511; del buf511  # reuse
        # Topologically Sorted Source Nodes: [linear_191], Original ATen: [aten.t, aten.mm]
        extern_kernels.mm(buf513, reinterpret_tensor(arg433_1, (8, 64), (1, 8), 0), out=buf514)
        del arg433_1
        assert_size_stride(arg435_1, (8, 64), (64, 1), 'input')
        buf515 = buf513; del buf513  # reuse
        # Topologically Sorted Source Nodes: [linear_192], Original ATen: [aten.view, aten.t, aten.mm]
        extern_kernels.mm(reinterpret_tensor(buf501, (8, 64), (64, 1), 0), reinterpret_tensor(arg435_1, (64, 8), (1, 64), 0), out=buf515)
        del arg435_1
        assert_size_stride(arg436_1, (64, 8), (8, 1), 'input')
        buf516 = buf509; del buf509  # reuse
        # Topologically Sorted Source Nodes: [linear_193], Original ATen: [aten.t, aten.mm]
        extern_kernels.mm(buf515, reinterpret_tensor(arg436_1, (8, 64), (1, 8), 0), out=buf516)
        del arg436_1
        assert_size_stride(arg431_1, (64, 64), (64, 1), 'input')
        buf512 = reinterpret_tensor(buf290, (8, 64), (64, 1), 0); del buf290  # reuse
        # Topologically Sorted Source Nodes: [result_136], Original ATen: [aten.view, aten.t, aten.mm]
        extern_kernels.mm(reinterpret_tensor(buf501, (8, 64), (64, 1), 0), reinterpret_tensor(arg431_1, (64, 64), (1, 64), 0), out=buf512)
        del arg431_1
        del buf501
        assert_size_stride(arg434_1, (), (), 'input')
        assert_size_stride(arg437_1, (), (), 'input')
        buf519 = reinterpret_tensor(buf512, (2, 8, 4, 8), (256, 8, 64, 1), 0); del buf512  # reuse
        cpp_fused__scaled_dot_product_flash_attention_for_cpu__unsafe_view_add_mul_transpose_view_28(buf519, buf514, arg434_1, buf516, arg437_1)
        del arg434_1
        del arg437_1
        del buf514
        del buf516
        # Topologically Sorted Source Nodes: [result_128, linear_181, mul_71, result_129, linear_183, mul_72, result_130, view_24, query_8, result_132, linear_186, mul_73, result_133, linear_188, mul_74, result_134, view_25, key_8, result_136, linear_191, mul_75, result_137, linear_193, mul_76, result_138, view_26, value_8, hidden_states_175], Original ATen: [aten._unsafe_view, aten.mul, aten.add, aten.view, aten.transpose, aten._scaled_dot_product_flash_attention_for_cpu]
        buf520 = torch.ops.aten._scaled_dot_product_flash_attention_for_cpu.default(buf517, buf518, buf519)
        buf521 = buf520[0]
        assert_size_stride(buf521, (2, 8, 4, 8), (256, 8, 64, 1), 'torch.ops.aten._scaled_dot_product_flash_attention_for_cpu.default')
        assert_alignment(buf521, 16, 'torch.ops.aten._scaled_dot_product_flash_attention_for_cpu.default')
        del buf520
        assert_size_stride(arg440_1, (8, 64), (64, 1), 'input')
        buf524 = buf515; del buf515  # reuse
        # Topologically Sorted Source Nodes: [transpose_35, hidden_states_176, linear_195], Original ATen: [aten.transpose, aten.view, aten.t, aten.mm]
        extern_kernels.mm(reinterpret_tensor(buf521, (8, 64), (64, 1), 0), reinterpret_tensor(arg440_1, (64, 8), (1, 64), 0), out=buf524)
        del arg440_1
        assert_size_stride(arg441_1, (64, 8), (8, 1), 'input')
        buf525 = reinterpret_tensor(buf519, (8, 64), (64, 1), 0); del buf519  # reuse
        # Topologically Sorted Source Nodes: [linear_196], Original ATen: [aten.t, aten.mm]
        extern_kernels.mm(buf524, reinterpret_tensor(arg441_1, (8, 64), (1, 8), 0), out=buf525)
        del arg441_1
        assert_size_stride(arg443_1, (8, 64), (64, 1), 'input')
        buf526 = buf524; del buf524  # reuse
        # Topologically Sorted Source Nodes: [transpose_35, hidden_states_176, linear_197], Original ATen: [aten.transpose, aten.view, aten.t, aten.mm]
        extern_kernels.mm(reinterpret_tensor(buf521, (8, 64), (64, 1), 0), reinterpret_tensor(arg443_1, (64, 8), (1, 64), 0), out=buf526)
        del arg443_1
        assert_size_stride(arg444_1, (64, 8), (8, 1), 'input')
        buf527 = reinterpret_tensor(buf518, (8, 64), (64, 1), 0); del buf518  # reuse
        # Topologically Sorted Source Nodes: [linear_198], Original ATen: [aten.t, aten.mm]
        extern_kernels.mm(buf526, reinterpret_tensor(arg444_1, (8, 64), (1, 8), 0), out=buf527)
        del arg444_1
        assert_size_stride(arg439_1, (64, ), (1, ), 'input')
        assert_size_stride(arg438_1, (64, 64), (64, 1), 'input')
        buf523 = reinterpret_tensor(buf517, (8, 64), (64, 1), 0); del buf517  # reuse
        # Topologically Sorted Source Nodes: [transpose_35, hidden_states_176, result_140], Original ATen: [aten.transpose, aten.view, aten.t, aten.addmm]
        extern_kernels.addmm(arg439_1, reinterpret_tensor(buf521, (8, 64), (64, 1), 0), reinterpret_tensor(arg438_1, (64, 64), (1, 64), 0), alpha=1, beta=1, out=buf523)
        del arg438_1
        del arg439_1
        assert_size_stride(arg442_1, (), (), 'input')
        assert_size_stride(arg445_1, (), (), 'input')
        buf528 = reinterpret_tensor(buf523, (2, 4, 64), (256, 64, 1), 0); del buf523  # reuse
        assert_size_stride(arg446_1, (64, ), (1, ), 'input')
        assert_size_stride(arg447_1, (64, ), (1, ), 'input')
        buf529 = buf500; del buf500  # reuse
        buf530 = buf529; del buf529  # reuse
        buf531 = buf499; del buf499  # reuse
        buf532 = reinterpret_tensor(buf521, (2, 4, 64), (256, 64, 1), 0); del buf521  # reuse
        assert_size_stride(arg449_1, (8, 64), (64, 1), 'input')
        cpp_fused__unsafe_view_add_div_mul_native_layer_norm_permute_view_29(buf528, buf530, buf525, arg442_1, buf527, arg445_1, buf497, arg446_1, arg447_1, buf531, buf532)
        del arg442_1
        del arg445_1
        del arg446_1
        del arg447_1
        buf534 = buf526; del buf526  # reuse
        # Topologically Sorted Source Nodes: [linear_200], Original ATen: [aten.view, aten.t, aten.mm]
        extern_kernels.mm(reinterpret_tensor(buf532, (8, 64), (64, 1), 0), reinterpret_tensor(arg449_1, (64, 8), (1, 64), 0), out=buf534)
        del arg449_1
        assert_size_stride(arg450_1, (64, 8), (8, 1), 'input')
        buf535 = buf527; del buf527  # reuse
        # Topologically Sorted Source Nodes: [linear_201], Original ATen: [aten.t, aten.mm]
        extern_kernels.mm(buf534, reinterpret_tensor(arg450_1, (8, 64), (1, 8), 0), out=buf535)
        del arg450_1
        assert_size_stride(arg452_1, (8, 64), (64, 1), 'input')
        buf536 = buf534; del buf534  # reuse
        # Topologically Sorted Source Nodes: [linear_202], Original ATen: [aten.view, aten.t, aten.mm]
        extern_kernels.mm(reinterpret_tensor(buf532, (8, 64), (64, 1), 0), reinterpret_tensor(arg452_1, (64, 8), (1, 64), 0), out=buf536)
        del arg452_1
        assert_size_stride(arg453_1, (64, 8), (8, 1), 'input')
        buf537 = buf525; del buf525  # reuse
        # Topologically Sorted Source Nodes: [linear_203], Original ATen: [aten.t, aten.mm]
        extern_kernels.mm(buf536, reinterpret_tensor(arg453_1, (8, 64), (1, 8), 0), out=buf537)
        del arg453_1
        assert_size_stride(arg448_1, (64, 64), (64, 1), 'input')
        buf533 = reinterpret_tensor(buf497, (8, 64), (64, 1), 0); del buf497  # reuse
        # Topologically Sorted Source Nodes: [result_144], Original ATen: [aten.view, aten.t, aten.mm]
        extern_kernels.mm(reinterpret_tensor(buf532, (8, 64), (64, 1), 0), reinterpret_tensor(arg448_1, (64, 64), (1, 64), 0), out=buf533)
        del arg448_1
        del buf532
        assert_size_stride(arg451_1, (), (), 'input')
        assert_size_stride(arg454_1, (), (), 'input')
        buf548 = reinterpret_tensor(buf533, (2, 8, 4, 8), (256, 8, 64, 1), 0); del buf533  # reuse
        assert_size_stride(arg455_1, (64, 32), (32, 1), 'input')
        cpp_fused__scaled_dot_product_flash_attention_for_cpu__unsafe_view_add_mul_transpose_view_28(buf548, buf535, arg451_1, buf537, arg454_1)
        del arg451_1
        del arg454_1
        del buf535
        buf538 = reinterpret_tensor(buf393, (154, 64), (64, 1), 0); del buf393  # reuse
        # Topologically Sorted Source Nodes: [result_148], Original ATen: [aten.view, aten.t, aten.mm]
        extern_kernels.mm(reinterpret_tensor(arg55_1, (154, 32), (32, 1), 0), reinterpret_tensor(arg455_1, (32, 64), (1, 32), 0), out=buf538)
        del arg455_1
        assert_size_stride(arg456_1, (8, 32), (32, 1), 'input')
        buf539 = buf389; del buf389  # reuse
        # Topologically Sorted Source Nodes: [linear_205], Original ATen: [aten.view, aten.t, aten.mm]
        extern_kernels.mm(reinterpret_tensor(arg55_1, (154, 32), (32, 1), 0), reinterpret_tensor(arg456_1, (32, 8), (1, 32), 0), out=buf539)
        del arg456_1
        assert_size_stride(arg457_1, (64, 8), (8, 1), 'input')
        buf540 = reinterpret_tensor(buf392, (154, 64), (64, 1), 0); del buf392  # reuse
        # Topologically Sorted Source Nodes: [linear_206], Original ATen: [aten.t, aten.mm]
        extern_kernels.mm(buf539, reinterpret_tensor(arg457_1, (8, 64), (1, 8), 0), out=buf540)
        del arg457_1
        assert_size_stride(arg459_1, (8, 32), (32, 1), 'input')
        buf541 = buf539; del buf539  # reuse
        # Topologically Sorted Source Nodes: [linear_207], Original ATen: [aten.view, aten.t, aten.mm]
        extern_kernels.mm(reinterpret_tensor(arg55_1, (154, 32), (32, 1), 0), reinterpret_tensor(arg459_1, (32, 8), (1, 32), 0), out=buf541)
        del arg459_1
        assert_size_stride(arg460_1, (64, 8), (8, 1), 'input')
        buf542 = buf390; del buf390  # reuse
        # Topologically Sorted Source Nodes: [linear_208], Original ATen: [aten.t, aten.mm]
        extern_kernels.mm(buf541, reinterpret_tensor(arg460_1, (8, 64), (1, 8), 0), out=buf542)
        del arg460_1
        assert_size_stride(arg458_1, (), (), 'input')
        assert_size_stride(arg461_1, (), (), 'input')
        buf549 = reinterpret_tensor(buf538, (2, 8, 77, 8), (4928, 8, 64, 1), 0); del buf538  # reuse
        assert_size_stride(arg462_1, (64, 32), (32, 1), 'input')
        cpp_fused__scaled_dot_product_flash_attention_for_cpu__unsafe_view_add_mul_transpose_view_20(buf549, buf540, arg458_1, buf542, arg461_1)
        del arg458_1
        del arg461_1
        buf543 = buf542; del buf542  # reuse
        # Topologically Sorted Source Nodes: [result_152], Original ATen: [aten.view, aten.t, aten.mm]
        extern_kernels.mm(reinterpret_tensor(arg55_1, (154, 32), (32, 1), 0), reinterpret_tensor(arg462_1, (32, 64), (1, 32), 0), out=buf543)
        del arg462_1
        assert_size_stride(arg463_1, (8, 32), (32, 1), 'input')
        buf544 = buf541; del buf541  # reuse
        # Topologically Sorted Source Nodes: [linear_210], Original ATen: [aten.view, aten.t, aten.mm]
        extern_kernels.mm(reinterpret_tensor(arg55_1, (154, 32), (32, 1), 0), reinterpret_tensor(arg463_1, (32, 8), (1, 32), 0), out=buf544)
        del arg463_1
        assert_size_stride(arg464_1, (64, 8), (8, 1), 'input')
        buf545 = buf540; del buf540  # reuse
        # Topologically Sorted Source Nodes: [linear_211], Original ATen: [aten.t, aten.mm]
        extern_kernels.mm(buf544, reinterpret_tensor(arg464_1, (8, 64), (1, 8), 0), out=buf545)
        del arg464_1
        assert_size_stride(arg466_1, (8, 32), (32, 1), 'input')
        buf546 = buf544; del buf544  # reuse
        # Topologically Sorted Source Nodes: [linear_212], Original ATen: [aten.view, aten.t, aten.mm]
        extern_kernels.mm(reinterpret_tensor(arg55_1, (154, 32), (32, 1), 0), reinterpret_tensor(arg466_1, (32, 8), (1, 32), 0), out=buf546)
        del arg466_1
        assert_size_stride(arg467_1, (64, 8), (8, 1), 'input')
        buf547 = buf388; del buf388  # reuse
        # Topologically Sorted Source Nodes: [linear_213], Original ATen: [aten.t, aten.mm]
        extern_kernels.mm(buf546, reinterpret_tensor(arg467_1, (8, 64), (1, 8), 0), out=buf547)
        del arg467_1
        assert_size_stride(arg465_1, (), (), 'input')
        assert_size_stride(arg468_1, (), (), 'input')
        buf550 = reinterpret_tensor(buf543, (2, 8, 77, 8), (4928, 8, 64, 1), 0); del buf543  # reuse
        cpp_fused__scaled_dot_product_flash_attention_for_cpu__unsafe_view_add_mul_transpose_view_20(buf550, buf545, arg465_1, buf547, arg468_1)
        del arg465_1
        del arg468_1
        # Topologically Sorted Source Nodes: [result_144, linear_201, mul_79, result_145, linear_203, mul_80, result_146, view_27, query_9, result_148, linear_206, mul_81, result_149, linear_208, mul_82, result_150, view_28, key_9, result_152, linear_211, mul_83, result_153, linear_213, mul_84, result_154, view_29, value_9, hidden_states_181], Original ATen: [aten._unsafe_view, aten.mul, aten.add, aten.view, aten.transpose, aten._scaled_dot_product_flash_attention_for_cpu]
        buf551 = torch.ops.aten._scaled_dot_product_flash_attention_for_cpu.default(buf548, buf549, buf550)
        buf552 = buf551[0]
        assert_size_stride(buf552, (2, 8, 4, 8), (256, 8, 64, 1), 'torch.ops.aten._scaled_dot_product_flash_attention_for_cpu.default')
        assert_alignment(buf552, 16, 'torch.ops.aten._scaled_dot_product_flash_attention_for_cpu.default')
        del buf551
        buf579 = reinterpret_tensor(buf478, (2, 128), (128, 1), 0); del buf478  # reuse
        assert_size_stride(arg490_1, (64, ), (1, ), 'input')
        assert_size_stride(arg489_1, (64, 128), (128, 1), 'input')
        cpp_fused_silu_3(buf19, buf579)
        buf580 = reinterpret_tensor(buf495, (2, 64), (64, 1), 0); del buf495  # reuse
        # Topologically Sorted Source Nodes: [temb_18, linear_221], Original ATen: [aten.silu, aten.t, aten.addmm]
        extern_kernels.addmm(arg490_1, buf579, reinterpret_tensor(arg489_1, (128, 64), (1, 128), 0), alpha=1, beta=1, out=buf580)
        del arg489_1
        del arg490_1
        buf571 = buf473; del buf473  # reuse
        buf570 = reinterpret_tensor(buf571, (2, 64, 2, 2), (512, 1, 256, 128), 64)  # alias
        assert_size_stride(arg471_1, (8, 64), (64, 1), 'input')
        cpp_fused_add_cat_div_49(buf205, buf570)
        buf555 = buf536; del buf536  # reuse
        # Topologically Sorted Source Nodes: [transpose_39, hidden_states_182, linear_215], Original ATen: [aten.transpose, aten.view, aten.t, aten.mm]
        extern_kernels.mm(reinterpret_tensor(buf552, (8, 64), (64, 1), 0), reinterpret_tensor(arg471_1, (64, 8), (1, 64), 0), out=buf555)
        del arg471_1
        assert_size_stride(arg472_1, (64, 8), (8, 1), 'input')
        buf556 = reinterpret_tensor(buf205, (8, 64), (64, 1), 0); del buf205  # reuse
        # Topologically Sorted Source Nodes: [linear_216], Original ATen: [aten.t, aten.mm]
        extern_kernels.mm(buf555, reinterpret_tensor(arg472_1, (8, 64), (1, 8), 0), out=buf556)
        del arg472_1
        assert_size_stride(arg474_1, (8, 64), (64, 1), 'input')
        buf557 = buf555; del buf555  # reuse
        # Topologically Sorted Source Nodes: [transpose_39, hidden_states_182, linear_217], Original ATen: [aten.transpose, aten.view, aten.t, aten.mm]
        extern_kernels.mm(reinterpret_tensor(buf552, (8, 64), (64, 1), 0), reinterpret_tensor(arg474_1, (64, 8), (1, 64), 0), out=buf557)
        del arg474_1
        assert_size_stride(arg475_1, (64, 8), (8, 1), 'input')
        buf558 = reinterpret_tensor(buf548, (8, 64), (64, 1), 0); del buf548  # reuse
        # Topologically Sorted Source Nodes: [linear_218], Original ATen: [aten.t, aten.mm]
        extern_kernels.mm(buf557, reinterpret_tensor(arg475_1, (8, 64), (1, 8), 0), out=buf558)
        del arg475_1
        assert_size_stride(arg470_1, (64, ), (1, ), 'input')
        assert_size_stride(arg469_1, (64, 64), (64, 1), 'input')
        buf554 = buf537; del buf537  # reuse
        # Topologically Sorted Source Nodes: [transpose_39, hidden_states_182, result_156], Original ATen: [aten.transpose, aten.view, aten.t, aten.addmm]
        extern_kernels.addmm(arg470_1, reinterpret_tensor(buf552, (8, 64), (64, 1), 0), reinterpret_tensor(arg469_1, (64, 64), (1, 64), 0), alpha=1, beta=1, out=buf554)
        del arg469_1
        del arg470_1
        assert_size_stride(arg473_1, (), (), 'input')
        assert_size_stride(arg476_1, (), (), 'input')
        buf559 = reinterpret_tensor(buf554, (2, 4, 64), (256, 64, 1), 0); del buf554  # reuse
        assert_size_stride(arg477_1, (64, ), (1, ), 'input')
        assert_size_stride(arg478_1, (64, ), (1, ), 'input')
        buf560 = buf531; del buf531  # reuse
        buf561 = buf560; del buf560  # reuse
        buf562 = buf530; del buf530  # reuse
        buf563 = reinterpret_tensor(buf552, (2, 4, 64), (256, 64, 1), 0); del buf552  # reuse
        assert_size_stride(arg480_1, (512, ), (1, ), 'input')
        assert_size_stride(arg479_1, (512, 64), (64, 1), 'input')
        cpp_fused__unsafe_view_add_div_mul_native_layer_norm_permute_view_29(buf559, buf561, buf556, arg473_1, buf558, arg476_1, buf528, arg477_1, arg478_1, buf562, buf563)
        del arg473_1
        del arg476_1
        del arg477_1
        del arg478_1
        del buf528
        del buf556
        del buf558
        buf564 = empty_strided_cpu((8, 512), (512, 1), torch.float32)
        # Topologically Sorted Source Nodes: [norm_hidden_states_14, hidden_states_187], Original ATen: [aten.native_layer_norm, aten.view, aten.t, aten.addmm]
        extern_kernels.addmm(arg480_1, reinterpret_tensor(buf563, (8, 64), (64, 1), 0), reinterpret_tensor(arg479_1, (64, 512), (1, 64), 0), alpha=1, beta=1, out=buf564)
        del arg479_1
        del arg480_1
        buf565 = empty_strided_cpu((2, 4, 256), (1024, 256, 1), torch.float32)
        assert_size_stride(arg482_1, (64, ), (1, ), 'input')
        assert_size_stride(arg481_1, (64, 256), (256, 1), 'input')
        cpp_fused_gelu_mul_split_view_30(buf564, buf565)
        del buf564
        buf566 = reinterpret_tensor(buf563, (8, 64), (64, 1), 0); del buf563  # reuse
        # Topologically Sorted Source Nodes: [hidden_states_187, chunk_4, gelu_4, hidden_states_189, hidden_states_191], Original ATen: [aten.view, aten.split, aten.gelu, aten.mul, aten.t, aten.addmm]
        extern_kernels.addmm(arg482_1, reinterpret_tensor(buf565, (8, 256), (256, 1), 0), reinterpret_tensor(arg481_1, (256, 64), (1, 256), 0), alpha=1, beta=1, out=buf566)
        del arg481_1
        del arg482_1
        del buf565
        buf567 = reinterpret_tensor(buf566, (2, 64, 2, 2), (256, 1, 128, 64), 0); del buf566  # reuse
        assert_size_stride(arg483_1, (64, 64, 1, 1), (64, 1, 64, 64), 'input')
        assert_size_stride(arg484_1, (64, ), (1, ), 'input')
        cpp_fused_add_clone_permute_view_31(buf567, buf559)
        # Topologically Sorted Source Nodes: [hidden_states_191, hidden_states_192, reshape_19, permute_9, hidden_states_193, hidden_states_194], Original ATen: [aten.view, aten.add, aten.permute, aten.clone, aten.convolution]
        buf568 = extern_kernels.convolution(buf567, arg483_1, arg484_1, stride=(1, 1), padding=(0, 0), dilation=(1, 1), transposed=False, output_padding=(0, 0), groups=1)
        assert_size_stride(buf568, (2, 64, 2, 2), (256, 1, 128, 64), 'torch.ops.aten.convolution.default')
        del arg483_1
        del arg484_1
        buf569 = reinterpret_tensor(buf571, (2, 64, 2, 2), (512, 1, 256, 128), 0)  # alias
        buf572 = buf493; del buf493  # reuse
        buf573 = buf572; del buf572  # reuse
        assert_size_stride(arg485_1, (128, ), (1, ), 'input')
        assert_size_stride(arg486_1, (128, ), (1, ), 'input')
        buf574 = buf492; del buf492  # reuse
        buf575 = reinterpret_tensor(buf579, (2, 8, 16, 1), (128, 16, 1, 1), 0); del buf579  # reuse
        buf576 = buf477; del buf477  # reuse
        buf577 = empty_strided_cpu((2, 128, 2, 2), (512, 1, 256, 128), torch.float32)
        assert_size_stride(arg487_1, (64, 128, 3, 3), (1152, 1, 384, 128), 'input')
        assert_size_stride(arg488_1, (64, ), (1, ), 'input')
        cpp_fused_add_div_native_group_norm_silu_50(buf573, buf568, buf486, buf490, buf571, arg485_1, arg486_1, buf569, buf574, buf575, buf576, buf577)
        del arg485_1
        del arg486_1
        del buf569
        del buf570
        # Topologically Sorted Source Nodes: [hidden_states_196, hidden_states_197, hidden_states_198], Original ATen: [aten.native_group_norm, aten.silu, aten.convolution]
        buf578 = extern_kernels.convolution(buf577, arg487_1, arg488_1, stride=(1, 1), padding=(1, 1), dilation=(1, 1), transposed=False, output_padding=(0, 0), groups=1)
        assert_size_stride(buf578, (2, 64, 2, 2), (256, 1, 128, 64), 'torch.ops.aten.convolution.default')
        del arg487_1
        del arg488_1
        del buf577
        buf581 = buf574; del buf574  # reuse
        buf582 = buf581; del buf581  # reuse
        assert_size_stride(arg491_1, (64, ), (1, ), 'input')
        assert_size_stride(arg492_1, (64, ), (1, ), 'input')
        buf583 = buf573; del buf573  # reuse
        buf585 = empty_strided_cpu((2, 8, 8, 1), (64, 8, 1, 1), torch.float32)
        buf586 = empty_strided_cpu((2, 8, 8, 1), (64, 8, 1, 1), torch.float32)
        buf587 = buf578; del buf578  # reuse
        assert_size_stride(arg493_1, (64, 64, 3, 3), (576, 1, 192, 64), 'input')
        assert_size_stride(arg494_1, (64, ), (1, ), 'input')
        cpp_fused_add_native_group_norm_silu_unsqueeze_25(buf582, buf587, buf580, arg491_1, arg492_1, buf583, buf585, buf586)
        del arg491_1
        del arg492_1
        # Topologically Sorted Source Nodes: [temb_19, hidden_states_199, hidden_states_200, hidden_states_201, hidden_states_203], Original ATen: [aten.unsqueeze, aten.add, aten.native_group_norm, aten.silu, aten.convolution]
        buf588 = extern_kernels.convolution(buf587, arg493_1, arg494_1, stride=(1, 1), padding=(1, 1), dilation=(1, 1), transposed=False, output_padding=(0, 0), groups=1)
        assert_size_stride(buf588, (2, 64, 2, 2), (256, 1, 128, 64), 'torch.ops.aten.convolution.default')
        del arg493_1
        del arg494_1
        assert_size_stride(arg495_1, (64, 128, 1, 1), (128, 1, 128, 128), 'input')
        assert_size_stride(arg496_1, (64, ), (1, ), 'input')
        # Topologically Sorted Source Nodes: [input_tensor_4], Original ATen: [aten.convolution]
        buf584 = extern_kernels.convolution(buf571, arg495_1, arg496_1, stride=(1, 1), padding=(0, 0), dilation=(1, 1), transposed=False, output_padding=(0, 0), groups=1)
        assert_size_stride(buf584, (2, 64, 2, 2), (256, 1, 128, 64), 'torch.ops.aten.convolution.default')
        del arg495_1
        del arg496_1
        del buf571
        buf589 = buf583; del buf583  # reuse
        buf590 = buf589; del buf589  # reuse
        assert_size_stride(arg497_1, (64, ), (1, ), 'input')
        assert_size_stride(arg498_1, (64, ), (1, ), 'input')
        buf591 = buf582; del buf582  # reuse
        buf592 = buf586; del buf586  # reuse
        buf593 = buf585; del buf585  # reuse
        buf594 = buf587; del buf587  # reuse
        assert_size_stride(arg499_1, (64, 64, 1, 1), (64, 1, 64, 64), 'input')
        assert_size_stride(arg500_1, (64, ), (1, ), 'input')
        cpp_fused_add_div_native_group_norm_26(buf590, buf584, buf588, arg497_1, arg498_1, buf591, buf592, buf593, buf594)
        del arg497_1
        del arg498_1
        # Topologically Sorted Source Nodes: [add_119, output_tensor_9, hidden_states_204, hidden_states_205], Original ATen: [aten.add, aten.div, aten.native_group_norm, aten.convolution]
        buf595 = extern_kernels.convolution(buf594, arg499_1, arg500_1, stride=(1, 1), padding=(0, 0), dilation=(1, 1), transposed=False, output_padding=(0, 0), groups=1)
        assert_size_stride(buf595, (2, 64, 2, 2), (256, 1, 128, 64), 'torch.ops.aten.convolution.default')
        del arg499_1
        del arg500_1
        assert_size_stride(arg501_1, (64, ), (1, ), 'input')
        assert_size_stride(arg502_1, (64, ), (1, ), 'input')
        buf596 = buf562; del buf562  # reuse
        buf597 = buf596; del buf596  # reuse
        buf598 = buf561; del buf561  # reuse
        buf599 = reinterpret_tensor(buf594, (2, 4, 64), (256, 64, 1), 0); del buf594  # reuse
        assert_size_stride(arg504_1, (8, 64), (64, 1), 'input')
        cpp_fused_native_layer_norm_permute_view_27(buf597, buf595, arg501_1, arg502_1, buf598, buf599)
        del arg501_1
        del arg502_1
        buf601 = buf557; del buf557  # reuse
        # Topologically Sorted Source Nodes: [linear_223], Original ATen: [aten.view, aten.t, aten.mm]
        extern_kernels.mm(reinterpret_tensor(buf599, (8, 64), (64, 1), 0), reinterpret_tensor(arg504_1, (64, 8), (1, 64), 0), out=buf601)
        del arg504_1
        assert_size_stride(arg505_1, (64, 8), (8, 1), 'input')
        buf602 = reinterpret_tensor(buf568, (8, 64), (64, 1), 0); del buf568  # reuse
        # Topologically Sorted Source Nodes: [linear_224], Original ATen: [aten.t, aten.mm]
        extern_kernels.mm(buf601, reinterpret_tensor(arg505_1, (8, 64), (1, 8), 0), out=buf602)
        del arg505_1
        assert_size_stride(arg507_1, (8, 64), (64, 1), 'input')
        buf603 = buf601; del buf601  # reuse
        # Topologically Sorted Source Nodes: [linear_225], Original ATen: [aten.view, aten.t, aten.mm]
        extern_kernels.mm(reinterpret_tensor(buf599, (8, 64), (64, 1), 0), reinterpret_tensor(arg507_1, (64, 8), (1, 64), 0), out=buf603)
        del arg507_1
        assert_size_stride(arg508_1, (64, 8), (8, 1), 'input')
        buf604 = reinterpret_tensor(buf490, (8, 64), (64, 1), 0); del buf490  # reuse
        # Topologically Sorted Source Nodes: [linear_226], Original ATen: [aten.t, aten.mm]
        extern_kernels.mm(buf603, reinterpret_tensor(arg508_1, (8, 64), (1, 8), 0), out=buf604)
        del arg508_1
        assert_size_stride(arg503_1, (64, 64), (64, 1), 'input')
        buf600 = reinterpret_tensor(buf486, (8, 64), (64, 1), 0); del buf486  # reuse
        # Topologically Sorted Source Nodes: [result_160], Original ATen: [aten.view, aten.t, aten.mm]
        extern_kernels.mm(reinterpret_tensor(buf599, (8, 64), (64, 1), 0), reinterpret_tensor(arg503_1, (64, 64), (1, 64), 0), out=buf600)
        del arg503_1
        assert_size_stride(arg506_1, (), (), 'input')
        assert_size_stride(arg509_1, (), (), 'input')
        buf615 = reinterpret_tensor(buf600, (2, 8, 4, 8), (256, 8, 64, 1), 0); del buf600  # reuse
        assert_size_stride(arg511_1, (8, 64), (64, 1), 'input')
        cpp_fused__scaled_dot_product_flash_attention_for_cpu__unsafe_view_add_mul_transpose_view_28(buf615, buf602, arg506_1, buf604, arg509_1)
        del arg506_1
        del arg509_1
        buf606 = buf603; del buf603  # reuse
        # Topologically Sorted Source Nodes: [linear_228], Original ATen: [aten.view, aten.t, aten.mm]
        extern_kernels.mm(reinterpret_tensor(buf599, (8, 64), (64, 1), 0), reinterpret_tensor(arg511_1, (64, 8), (1, 64), 0), out=buf606)
        del arg511_1
        assert_size_stride(arg512_1, (64, 8), (8, 1), 'input')
        buf607 = buf604; del buf604  # reuse
        # Topologically Sorted Source Nodes: [linear_229], Original ATen: [aten.t, aten.mm]
        extern_kernels.mm(buf606, reinterpret_tensor(arg512_1, (8, 64), (1, 8), 0), out=buf607)
        del arg512_1
        assert_size_stride(arg514_1, (8, 64), (64, 1), 'input')
        buf608 = buf606; del buf606  # reuse
        # Topologically Sorted Source Nodes: [linear_230], Original ATen: [aten.view, aten.t, aten.mm]
        extern_kernels.mm(reinterpret_tensor(buf599, (8, 64), (64, 1), 0), reinterpret_tensor(arg514_1, (64, 8), (1, 64), 0), out=buf608)
        del arg514_1
        assert_size_stride(arg515_1, (64, 8), (8, 1), 'input')
        buf609 = buf602; del buf602  # reuse
        # Topologically Sorted Source Nodes: [linear_231], Original ATen: [aten.t, aten.mm]
        extern_kernels.mm(buf608, reinterpret_tensor(arg515_1, (8, 64), (1, 8), 0), out=buf609)
        del arg515_1
        assert_size_stride(arg510_1, (64, 64), (64, 1), 'input')
        buf605 = reinterpret_tensor(buf567, (8, 64), (64, 1), 0); del buf567  # reuse
        # Topologically Sorted Source Nodes: [result_164], Original ATen: [aten.view, aten.t, aten.mm]
        extern_kernels.mm(reinterpret_tensor(buf599, (8, 64), (64, 1), 0), reinterpret_tensor(arg510_1, (64, 64), (1, 64), 0), out=buf605)
        del arg510_1
        assert_size_stride(arg513_1, (), (), 'input')
        assert_size_stride(arg516_1, (), (), 'input')
        buf616 = reinterpret_tensor(buf605, (2, 8, 4, 8), (256, 8, 64, 1), 0); del buf605  # reuse
        assert_size_stride(arg518_1, (8, 64), (64, 1), 'input')
        cpp_fused__scaled_dot_product_flash_attention_for_cpu__unsafe_view_add_mul_transpose_view_28(buf616, buf607, arg513_1, buf609, arg516_1)
        del arg513_1
        del arg516_1
        buf611 = buf608; del buf608  # reuse
        # Topologically Sorted Source Nodes: [linear_233], Original ATen: [aten.view, aten.t, aten.mm]
        extern_kernels.mm(reinterpret_tensor(buf599, (8, 64), (64, 1), 0), reinterpret_tensor(arg518_1, (64, 8), (1, 64), 0), out=buf611)
        del arg518_1
        assert_size_stride(arg519_1, (64, 8), (8, 1), 'input')
        buf612 = buf609; del buf609  # reuse
        # Topologically Sorted Source Nodes: [linear_234], Original ATen: [aten.t, aten.mm]
        extern_kernels.mm(buf611, reinterpret_tensor(arg519_1, (8, 64), (1, 8), 0), out=buf612)
        del arg519_1
        assert_size_stride(arg521_1, (8, 64), (64, 1), 'input')
        buf613 = buf611; del buf611  # reuse
        # Topologically Sorted Source Nodes: [linear_235], Original ATen: [aten.view, aten.t, aten.mm]
        extern_kernels.mm(reinterpret_tensor(buf599, (8, 64), (64, 1), 0), reinterpret_tensor(arg521_1, (64, 8), (1, 64), 0), out=buf613)
        del arg521_1
        assert_size_stride(arg522_1, (64, 8), (8, 1), 'input')
        buf614 = buf607; del buf607  # reuse
        # Topologically Sorted Source Nodes: [linear_236], Original ATen: [aten.t, aten.mm]
        extern_kernels.mm(buf613, reinterpret_tensor(arg522_1, (8, 64), (1, 8), 0), out=buf614)
        del arg522_1
        assert_size_stride(arg517_1, (64, 64), (64, 1), 'input')
        buf610 = reinterpret_tensor(buf559, (8, 64), (64, 1), 0); del buf559  # reuse
        # Topologically Sorted Source Nodes: [result_168], Original ATen: [aten.view, aten.t, aten.mm]
        extern_kernels.mm(reinterpret_tensor(buf599, (8, 64), (64, 1), 0), reinterpret_tensor(arg517_1, (64, 64), (1, 64), 0), out=buf610)
        del arg517_1
        del buf599
        assert_size_stride(arg520_1, (), (), 'input')
        assert_size_stride(arg523_1, (), (), 'input')
        buf617 = reinterpret_tensor(buf610, (2, 8, 4, 8), (256, 8, 64, 1), 0); del buf610  # reuse
        cpp_fused__scaled_dot_product_flash_attention_for_cpu__unsafe_view_add_mul_transpose_view_28(buf617, buf612, arg520_1, buf614, arg523_1)
        del arg520_1
        del arg523_1
        del buf612
        del buf614
        # Topologically Sorted Source Nodes: [result_160, linear_224, mul_88, result_161, linear_226, mul_89, result_162, view_30, query_10, result_164, linear_229, mul_90, result_165, linear_231, mul_91, result_166, view_31, key_10, result_168, linear_234, mul_92, result_169, linear_236, mul_93, result_170, view_32, value_10, hidden_states_207], Original ATen: [aten._unsafe_view, aten.mul, aten.add, aten.view, aten.transpose, aten._scaled_dot_product_flash_attention_for_cpu]
        buf618 = torch.ops.aten._scaled_dot_product_flash_attention_for_cpu.default(buf615, buf616, buf617)
        buf619 = buf618[0]
        assert_size_stride(buf619, (2, 8, 4, 8), (256, 8, 64, 1), 'torch.ops.aten._scaled_dot_product_flash_attention_for_cpu.default')
        assert_alignment(buf619, 16, 'torch.ops.aten._scaled_dot_product_flash_attention_for_cpu.default')
        del buf618
        assert_size_stride(arg526_1, (8, 64), (64, 1), 'input')
        buf622 = buf613; del buf613  # reuse
        # Topologically Sorted Source Nodes: [transpose_43, hidden_states_208, linear_238], Original ATen: [aten.transpose, aten.view, aten.t, aten.mm]
        extern_kernels.mm(reinterpret_tensor(buf619, (8, 64), (64, 1), 0), reinterpret_tensor(arg526_1, (64, 8), (1, 64), 0), out=buf622)
        del arg526_1
        assert_size_stride(arg527_1, (64, 8), (8, 1), 'input')
        buf623 = reinterpret_tensor(buf617, (8, 64), (64, 1), 0); del buf617  # reuse
        # Topologically Sorted Source Nodes: [linear_239], Original ATen: [aten.t, aten.mm]
        extern_kernels.mm(buf622, reinterpret_tensor(arg527_1, (8, 64), (1, 8), 0), out=buf623)
        del arg527_1
        assert_size_stride(arg529_1, (8, 64), (64, 1), 'input')
        buf624 = buf622; del buf622  # reuse
        # Topologically Sorted Source Nodes: [transpose_43, hidden_states_208, linear_240], Original ATen: [aten.transpose, aten.view, aten.t, aten.mm]
        extern_kernels.mm(reinterpret_tensor(buf619, (8, 64), (64, 1), 0), reinterpret_tensor(arg529_1, (64, 8), (1, 64), 0), out=buf624)
        del arg529_1
        assert_size_stride(arg530_1, (64, 8), (8, 1), 'input')
        buf625 = reinterpret_tensor(buf616, (8, 64), (64, 1), 0); del buf616  # reuse
        # Topologically Sorted Source Nodes: [linear_241], Original ATen: [aten.t, aten.mm]
        extern_kernels.mm(buf624, reinterpret_tensor(arg530_1, (8, 64), (1, 8), 0), out=buf625)
        del arg530_1
        assert_size_stride(arg525_1, (64, ), (1, ), 'input')
        assert_size_stride(arg524_1, (64, 64), (64, 1), 'input')
        buf621 = reinterpret_tensor(buf615, (8, 64), (64, 1), 0); del buf615  # reuse
        # Topologically Sorted Source Nodes: [transpose_43, hidden_states_208, result_172], Original ATen: [aten.transpose, aten.view, aten.t, aten.addmm]
        extern_kernels.addmm(arg525_1, reinterpret_tensor(buf619, (8, 64), (64, 1), 0), reinterpret_tensor(arg524_1, (64, 64), (1, 64), 0), alpha=1, beta=1, out=buf621)
        del arg524_1
        del arg525_1
        assert_size_stride(arg528_1, (), (), 'input')
        assert_size_stride(arg531_1, (), (), 'input')
        buf626 = reinterpret_tensor(buf621, (2, 4, 64), (256, 64, 1), 0); del buf621  # reuse
        assert_size_stride(arg532_1, (64, ), (1, ), 'input')
        assert_size_stride(arg533_1, (64, ), (1, ), 'input')
        buf627 = buf598; del buf598  # reuse
        buf628 = buf627; del buf627  # reuse
        buf629 = buf597; del buf597  # reuse
        buf630 = reinterpret_tensor(buf619, (2, 4, 64), (256, 64, 1), 0); del buf619  # reuse
        assert_size_stride(arg535_1, (8, 64), (64, 1), 'input')
        cpp_fused__unsafe_view_add_div_mul_native_layer_norm_permute_view_29(buf626, buf628, buf623, arg528_1, buf625, arg531_1, buf595, arg532_1, arg533_1, buf629, buf630)
        del arg528_1
        del arg531_1
        del arg532_1
        del arg533_1
        buf632 = buf624; del buf624  # reuse
        # Topologically Sorted Source Nodes: [linear_243], Original ATen: [aten.view, aten.t, aten.mm]
        extern_kernels.mm(reinterpret_tensor(buf630, (8, 64), (64, 1), 0), reinterpret_tensor(arg535_1, (64, 8), (1, 64), 0), out=buf632)
        del arg535_1
        assert_size_stride(arg536_1, (64, 8), (8, 1), 'input')
        buf633 = buf625; del buf625  # reuse
        # Topologically Sorted Source Nodes: [linear_244], Original ATen: [aten.t, aten.mm]
        extern_kernels.mm(buf632, reinterpret_tensor(arg536_1, (8, 64), (1, 8), 0), out=buf633)
        del arg536_1
        assert_size_stride(arg538_1, (8, 64), (64, 1), 'input')
        buf634 = buf632; del buf632  # reuse
        # Topologically Sorted Source Nodes: [linear_245], Original ATen: [aten.view, aten.t, aten.mm]
        extern_kernels.mm(reinterpret_tensor(buf630, (8, 64), (64, 1), 0), reinterpret_tensor(arg538_1, (64, 8), (1, 64), 0), out=buf634)
        del arg538_1
        assert_size_stride(arg539_1, (64, 8), (8, 1), 'input')
        buf635 = buf623; del buf623  # reuse
        # Topologically Sorted Source Nodes: [linear_246], Original ATen: [aten.t, aten.mm]
        extern_kernels.mm(buf634, reinterpret_tensor(arg539_1, (8, 64), (1, 8), 0), out=buf635)
        del arg539_1
        assert_size_stride(arg534_1, (64, 64), (64, 1), 'input')
        buf631 = reinterpret_tensor(buf595, (8, 64), (64, 1), 0); del buf595  # reuse
        # Topologically Sorted Source Nodes: [result_176], Original ATen: [aten.view, aten.t, aten.mm]
        extern_kernels.mm(reinterpret_tensor(buf630, (8, 64), (64, 1), 0), reinterpret_tensor(arg534_1, (64, 64), (1, 64), 0), out=buf631)
        del arg534_1
        del buf630
        assert_size_stride(arg537_1, (), (), 'input')
        assert_size_stride(arg540_1, (), (), 'input')
        buf646 = reinterpret_tensor(buf631, (2, 8, 4, 8), (256, 8, 64, 1), 0); del buf631  # reuse
        assert_size_stride(arg541_1, (64, 32), (32, 1), 'input')
        cpp_fused__scaled_dot_product_flash_attention_for_cpu__unsafe_view_add_mul_transpose_view_28(buf646, buf633, arg537_1, buf635, arg540_1)
        del arg537_1
        del arg540_1
        buf636 = reinterpret_tensor(buf550, (154, 64), (64, 1), 0); del buf550  # reuse
        # Topologically Sorted Source Nodes: [result_180], Original ATen: [aten.view, aten.t, aten.mm]
        extern_kernels.mm(reinterpret_tensor(arg55_1, (154, 32), (32, 1), 0), reinterpret_tensor(arg541_1, (32, 64), (1, 32), 0), out=buf636)
        del arg541_1
        assert_size_stride(arg542_1, (8, 32), (32, 1), 'input')
        buf637 = buf546; del buf546  # reuse
        # Topologically Sorted Source Nodes: [linear_248], Original ATen: [aten.view, aten.t, aten.mm]
        extern_kernels.mm(reinterpret_tensor(arg55_1, (154, 32), (32, 1), 0), reinterpret_tensor(arg542_1, (32, 8), (1, 32), 0), out=buf637)
        del arg542_1
        assert_size_stride(arg543_1, (64, 8), (8, 1), 'input')
        buf638 = reinterpret_tensor(buf549, (154, 64), (64, 1), 0); del buf549  # reuse
        # Topologically Sorted Source Nodes: [linear_249], Original ATen: [aten.t, aten.mm]
        extern_kernels.mm(buf637, reinterpret_tensor(arg543_1, (8, 64), (1, 8), 0), out=buf638)
        del arg543_1
        assert_size_stride(arg545_1, (8, 32), (32, 1), 'input')
        buf639 = buf637; del buf637  # reuse
        # Topologically Sorted Source Nodes: [linear_250], Original ATen: [aten.view, aten.t, aten.mm]
        extern_kernels.mm(reinterpret_tensor(arg55_1, (154, 32), (32, 1), 0), reinterpret_tensor(arg545_1, (32, 8), (1, 32), 0), out=buf639)
        del arg545_1
        assert_size_stride(arg546_1, (64, 8), (8, 1), 'input')
        buf640 = buf547; del buf547  # reuse
        # Topologically Sorted Source Nodes: [linear_251], Original ATen: [aten.t, aten.mm]
        extern_kernels.mm(buf639, reinterpret_tensor(arg546_1, (8, 64), (1, 8), 0), out=buf640)
        del arg546_1
        assert_size_stride(arg544_1, (), (), 'input')
        assert_size_stride(arg547_1, (), (), 'input')
        buf647 = reinterpret_tensor(buf636, (2, 8, 77, 8), (4928, 8, 64, 1), 0); del buf636  # reuse
        assert_size_stride(arg548_1, (64, 32), (32, 1), 'input')
        cpp_fused__scaled_dot_product_flash_attention_for_cpu__unsafe_view_add_mul_transpose_view_20(buf647, buf638, arg544_1, buf640, arg547_1)
        del arg544_1
        del arg547_1
        buf641 = buf640; del buf640  # reuse
        # Topologically Sorted Source Nodes: [result_184], Original ATen: [aten.view, aten.t, aten.mm]
        extern_kernels.mm(reinterpret_tensor(arg55_1, (154, 32), (32, 1), 0), reinterpret_tensor(arg548_1, (32, 64), (1, 32), 0), out=buf641)
        del arg548_1
        assert_size_stride(arg549_1, (8, 32), (32, 1), 'input')
        buf642 = buf639; del buf639  # reuse
        # Topologically Sorted Source Nodes: [linear_253], Original ATen: [aten.view, aten.t, aten.mm]
        extern_kernels.mm(reinterpret_tensor(arg55_1, (154, 32), (32, 1), 0), reinterpret_tensor(arg549_1, (32, 8), (1, 32), 0), out=buf642)
        del arg549_1
        assert_size_stride(arg550_1, (64, 8), (8, 1), 'input')
        buf643 = buf638; del buf638  # reuse
        # Topologically Sorted Source Nodes: [linear_254], Original ATen: [aten.t, aten.mm]
        extern_kernels.mm(buf642, reinterpret_tensor(arg550_1, (8, 64), (1, 8), 0), out=buf643)
        del arg550_1
        assert_size_stride(arg552_1, (8, 32), (32, 1), 'input')
        buf644 = buf642; del buf642  # reuse
        # Topologically Sorted Source Nodes: [linear_255], Original ATen: [aten.view, aten.t, aten.mm]
        extern_kernels.mm(reinterpret_tensor(arg55_1, (154, 32), (32, 1), 0), reinterpret_tensor(arg552_1, (32, 8), (1, 32), 0), out=buf644)
        del arg552_1
        assert_size_stride(arg553_1, (64, 8), (8, 1), 'input')
        buf645 = buf545; del buf545  # reuse
        # Topologically Sorted Source Nodes: [linear_256], Original ATen: [aten.t, aten.mm]
        extern_kernels.mm(buf644, reinterpret_tensor(arg553_1, (8, 64), (1, 8), 0), out=buf645)
        del arg553_1
        assert_size_stride(arg551_1, (), (), 'input')
        assert_size_stride(arg554_1, (), (), 'input')
        buf648 = reinterpret_tensor(buf641, (2, 8, 77, 8), (4928, 8, 64, 1), 0); del buf641  # reuse
        cpp_fused__scaled_dot_product_flash_attention_for_cpu__unsafe_view_add_mul_transpose_view_20(buf648, buf643, arg551_1, buf645, arg554_1)
        del arg551_1
        del arg554_1
        del buf643
        # Topologically Sorted Source Nodes: [result_176, linear_244, mul_96, result_177, linear_246, mul_97, result_178, view_33, query_11, result_180, linear_249, mul_98, result_181, linear_251, mul_99, result_182, view_34, key_11, result_184, linear_254, mul_100, result_185, linear_256, mul_101, result_186, view_35, value_11, hidden_states_213], Original ATen: [aten._unsafe_view, aten.mul, aten.add, aten.view, aten.transpose, aten._scaled_dot_product_flash_attention_for_cpu]
        buf649 = torch.ops.aten._scaled_dot_product_flash_attention_for_cpu.default(buf646, buf647, buf648)
        buf650 = buf649[0]
        assert_size_stride(buf650, (2, 8, 4, 8), (256, 8, 64, 1), 'torch.ops.aten._scaled_dot_product_flash_attention_for_cpu.default')
        assert_alignment(buf650, 16, 'torch.ops.aten._scaled_dot_product_flash_attention_for_cpu.default')
        del buf649
        buf679 = reinterpret_tensor(buf576, (2, 128), (128, 1), 0); del buf576  # reuse
        assert_size_stride(arg578_1, (64, ), (1, ), 'input')
        assert_size_stride(arg577_1, (64, 128), (128, 1), 'input')
        cpp_fused_silu_3(buf19, buf679)
        buf680 = reinterpret_tensor(buf593, (2, 64), (64, 1), 0); del buf593  # reuse
        # Topologically Sorted Source Nodes: [temb_20, linear_264], Original ATen: [aten.silu, aten.t, aten.addmm]
        extern_kernels.addmm(arg578_1, buf679, reinterpret_tensor(arg577_1, (128, 64), (1, 128), 0), alpha=1, beta=1, out=buf680)
        del arg577_1
        del arg578_1
        assert_size_stride(arg557_1, (8, 64), (64, 1), 'input')
        buf653 = buf634; del buf634  # reuse
        # Topologically Sorted Source Nodes: [transpose_47, hidden_states_214, linear_258], Original ATen: [aten.transpose, aten.view, aten.t, aten.mm]
        extern_kernels.mm(reinterpret_tensor(buf650, (8, 64), (64, 1), 0), reinterpret_tensor(arg557_1, (64, 8), (1, 64), 0), out=buf653)
        del arg557_1
        assert_size_stride(arg558_1, (64, 8), (8, 1), 'input')
        buf654 = reinterpret_tensor(buf646, (8, 64), (64, 1), 0); del buf646  # reuse
        # Topologically Sorted Source Nodes: [linear_259], Original ATen: [aten.t, aten.mm]
        extern_kernels.mm(buf653, reinterpret_tensor(arg558_1, (8, 64), (1, 8), 0), out=buf654)
        del arg558_1
        assert_size_stride(arg560_1, (8, 64), (64, 1), 'input')
        buf655 = buf653; del buf653  # reuse
        # Topologically Sorted Source Nodes: [transpose_47, hidden_states_214, linear_260], Original ATen: [aten.transpose, aten.view, aten.t, aten.mm]
        extern_kernels.mm(reinterpret_tensor(buf650, (8, 64), (64, 1), 0), reinterpret_tensor(arg560_1, (64, 8), (1, 64), 0), out=buf655)
        del arg560_1
        assert_size_stride(arg561_1, (64, 8), (8, 1), 'input')
        buf656 = buf635; del buf635  # reuse
        # Topologically Sorted Source Nodes: [linear_261], Original ATen: [aten.t, aten.mm]
        extern_kernels.mm(buf655, reinterpret_tensor(arg561_1, (8, 64), (1, 8), 0), out=buf656)
        del arg561_1
        del buf655
        assert_size_stride(arg556_1, (64, ), (1, ), 'input')
        assert_size_stride(arg555_1, (64, 64), (64, 1), 'input')
        buf652 = buf633; del buf633  # reuse
        # Topologically Sorted Source Nodes: [transpose_47, hidden_states_214, result_188], Original ATen: [aten.transpose, aten.view, aten.t, aten.addmm]
        extern_kernels.addmm(arg556_1, reinterpret_tensor(buf650, (8, 64), (64, 1), 0), reinterpret_tensor(arg555_1, (64, 64), (1, 64), 0), alpha=1, beta=1, out=buf652)
        del arg555_1
        del arg556_1
        assert_size_stride(arg559_1, (), (), 'input')
        assert_size_stride(arg562_1, (), (), 'input')
        buf657 = reinterpret_tensor(buf652, (2, 4, 64), (256, 64, 1), 0); del buf652  # reuse
        assert_size_stride(arg563_1, (64, ), (1, ), 'input')
        assert_size_stride(arg564_1, (64, ), (1, ), 'input')
        buf658 = buf629; del buf629  # reuse
        buf659 = buf658; del buf658  # reuse
        buf660 = buf628; del buf628  # reuse
        buf661 = reinterpret_tensor(buf650, (2, 4, 64), (256, 64, 1), 0); del buf650  # reuse
        assert_size_stride(arg566_1, (512, ), (1, ), 'input')
        assert_size_stride(arg565_1, (512, 64), (64, 1), 'input')
        cpp_fused__unsafe_view_add_div_mul_native_layer_norm_permute_view_29(buf657, buf659, buf654, arg559_1, buf656, arg562_1, buf626, arg563_1, arg564_1, buf660, buf661)
        del arg559_1
        del arg562_1
        del arg563_1
        del arg564_1
        del buf626
        del buf654
        del buf656
        del buf659
        del buf660
        buf662 = empty_strided_cpu((8, 512), (512, 1), torch.float32)
        # Topologically Sorted Source Nodes: [norm_hidden_states_17, hidden_states_219], Original ATen: [aten.native_layer_norm, aten.view, aten.t, aten.addmm]
        extern_kernels.addmm(arg566_1, reinterpret_tensor(buf661, (8, 64), (64, 1), 0), reinterpret_tensor(arg565_1, (64, 512), (1, 64), 0), alpha=1, beta=1, out=buf662)
        del arg565_1
        del arg566_1
        buf663 = empty_strided_cpu((2, 4, 256), (1024, 256, 1), torch.float32)
        assert_size_stride(arg568_1, (64, ), (1, ), 'input')
        assert_size_stride(arg567_1, (64, 256), (256, 1), 'input')
        cpp_fused_gelu_mul_split_view_30(buf662, buf663)
        buf664 = reinterpret_tensor(buf661, (8, 64), (64, 1), 0); del buf661  # reuse
        # Topologically Sorted Source Nodes: [hidden_states_219, chunk_5, gelu_5, hidden_states_221, hidden_states_223], Original ATen: [aten.view, aten.split, aten.gelu, aten.mul, aten.t, aten.addmm]
        extern_kernels.addmm(arg568_1, reinterpret_tensor(buf663, (8, 256), (256, 1), 0), reinterpret_tensor(arg567_1, (256, 64), (1, 256), 0), alpha=1, beta=1, out=buf664)
        del arg567_1
        del arg568_1
        buf665 = reinterpret_tensor(buf664, (2, 64, 2, 2), (256, 1, 128, 64), 0); del buf664  # reuse
        assert_size_stride(arg569_1, (64, 64, 1, 1), (64, 1, 64, 64), 'input')
        assert_size_stride(arg570_1, (64, ), (1, ), 'input')
        cpp_fused_add_clone_permute_view_31(buf665, buf657)
        del buf657
        # Topologically Sorted Source Nodes: [hidden_states_223, hidden_states_224, reshape_23, permute_11, hidden_states_225, hidden_states_226], Original ATen: [aten.view, aten.add, aten.permute, aten.clone, aten.convolution]
        buf666 = extern_kernels.convolution(buf665, arg569_1, arg570_1, stride=(1, 1), padding=(0, 0), dilation=(1, 1), transposed=False, output_padding=(0, 0), groups=1)
        assert_size_stride(buf666, (2, 64, 2, 2), (256, 1, 128, 64), 'torch.ops.aten.convolution.default')
        del arg569_1
        del arg570_1
        del buf665
        buf667 = reinterpret_tensor(buf663, (2, 64, 4, 4), (1024, 1, 256, 64), 0); del buf663  # reuse
        assert_size_stride(arg571_1, (64, 64, 3, 3), (576, 1, 192, 64), 'input')
        assert_size_stride(arg572_1, (64, ), (1, ), 'input')
        cpp_fused__to_copy__unsafe_index_add_arange_clone_div_mul_unsqueeze_51(buf666, buf584, buf588, buf667)
        del buf584
        del buf588
        del buf666
        # Topologically Sorted Source Nodes: [add_119, output_tensor_9, output_5, hidden_states_227, hidden_states_228], Original ATen: [aten.add, aten.div, aten.arange, aten.mul, aten._to_copy, aten.unsqueeze, aten._unsafe_index, aten.clone, aten.convolution]
        buf668 = extern_kernels.convolution(buf667, arg571_1, arg572_1, stride=(1, 1), padding=(1, 1), dilation=(1, 1), transposed=False, output_padding=(0, 0), groups=1)
        assert_size_stride(buf668, (2, 64, 4, 4), (1024, 1, 256, 64), 'torch.ops.aten.convolution.default')
        del arg571_1
        del arg572_1
        buf669 = reinterpret_tensor(buf671, (2, 64, 4, 4), (2048, 1, 512, 128), 0)  # alias
        buf672 = buf591; del buf591  # reuse
        buf673 = buf672; del buf672  # reuse
        assert_size_stride(arg573_1, (128, ), (1, ), 'input')
        assert_size_stride(arg574_1, (128, ), (1, ), 'input')
        buf674 = buf590; del buf590  # reuse
        buf675 = reinterpret_tensor(buf679, (2, 8, 16, 1), (128, 16, 1, 1), 0); del buf679  # reuse
        buf676 = buf575; del buf575  # reuse
        buf677 = reinterpret_tensor(buf662, (2, 128, 4, 4), (2048, 1, 512, 128), 0); del buf662  # reuse
        assert_size_stride(arg575_1, (64, 128, 3, 3), (1152, 1, 384, 128), 'input')
        assert_size_stride(arg576_1, (64, ), (1, ), 'input')
        cpp_fused_cat_native_group_norm_silu_52(buf673, buf668, buf671, arg573_1, arg574_1, buf669, buf674, buf675, buf676, buf677)
        del arg573_1
        del arg574_1
        del buf669
        del buf670
        del buf675
        # Topologically Sorted Source Nodes: [hidden_states_230, hidden_states_231, hidden_states_232], Original ATen: [aten.native_group_norm, aten.silu, aten.convolution]
        buf678 = extern_kernels.convolution(buf677, arg575_1, arg576_1, stride=(1, 1), padding=(1, 1), dilation=(1, 1), transposed=False, output_padding=(0, 0), groups=1)
        assert_size_stride(buf678, (2, 64, 4, 4), (1024, 1, 256, 64), 'torch.ops.aten.convolution.default')
        del arg575_1
        del arg576_1
        del buf677
        buf681 = buf674; del buf674  # reuse
        buf682 = buf681; del buf681  # reuse
        assert_size_stride(arg579_1, (64, ), (1, ), 'input')
        assert_size_stride(arg580_1, (64, ), (1, ), 'input')
        buf683 = buf673; del buf673  # reuse
        buf685 = buf592; del buf592  # reuse
        buf686 = reinterpret_tensor(buf580, (2, 8, 8, 1), (64, 8, 1, 1), 0); del buf580  # reuse
        buf687 = buf678; del buf678  # reuse
        assert_size_stride(arg581_1, (64, 64, 3, 3), (576, 1, 192, 64), 'input')
        assert_size_stride(arg582_1, (64, ), (1, ), 'input')
        cpp_fused_add_native_group_norm_silu_unsqueeze_15(buf682, buf687, buf680, arg579_1, arg580_1, buf683, buf685, buf686)
        del arg579_1
        del arg580_1
        del buf680
        # Topologically Sorted Source Nodes: [temb_21, hidden_states_233, hidden_states_234, hidden_states_235, hidden_states_237], Original ATen: [aten.unsqueeze, aten.add, aten.native_group_norm, aten.silu, aten.convolution]
        buf688 = extern_kernels.convolution(buf687, arg581_1, arg582_1, stride=(1, 1), padding=(1, 1), dilation=(1, 1), transposed=False, output_padding=(0, 0), groups=1)
        assert_size_stride(buf688, (2, 64, 4, 4), (1024, 1, 256, 64), 'torch.ops.aten.convolution.default')
        del arg581_1
        del arg582_1
        assert_size_stride(arg583_1, (64, 128, 1, 1), (128, 1, 128, 128), 'input')
        assert_size_stride(arg584_1, (64, ), (1, ), 'input')
        # Topologically Sorted Source Nodes: [input_tensor_5], Original ATen: [aten.convolution]
        buf684 = extern_kernels.convolution(buf671, arg583_1, arg584_1, stride=(1, 1), padding=(0, 0), dilation=(1, 1), transposed=False, output_padding=(0, 0), groups=1)
        assert_size_stride(buf684, (2, 64, 4, 4), (1024, 1, 256, 64), 'torch.ops.aten.convolution.default')
        del arg583_1
        del arg584_1
        del buf671
        buf689 = buf683; del buf683  # reuse
        buf690 = buf689; del buf689  # reuse
        assert_size_stride(arg585_1, (64, ), (1, ), 'input')
        assert_size_stride(arg586_1, (64, ), (1, ), 'input')
        buf691 = buf682; del buf682  # reuse
        buf692 = buf686; del buf686  # reuse
        buf693 = buf685; del buf685  # reuse
        buf694 = buf687; del buf687  # reuse
        assert_size_stride(arg587_1, (64, 64, 1, 1), (64, 1, 64, 64), 'input')
        assert_size_stride(arg588_1, (64, ), (1, ), 'input')
        cpp_fused_add_div_native_group_norm_16(buf690, buf684, buf688, arg585_1, arg586_1, buf691, buf692, buf693, buf694)
        del arg585_1
        del arg586_1
        del buf690
        del buf691
        del buf692
        del buf693
        # Topologically Sorted Source Nodes: [add_141, output_tensor_10, hidden_states_238, hidden_states_239], Original ATen: [aten.add, aten.div, aten.native_group_norm, aten.convolution]
        buf695 = extern_kernels.convolution(buf694, arg587_1, arg588_1, stride=(1, 1), padding=(0, 0), dilation=(1, 1), transposed=False, output_padding=(0, 0), groups=1)
        assert_size_stride(buf695, (2, 64, 4, 4), (1024, 1, 256, 64), 'torch.ops.aten.convolution.default')
        del arg587_1
        del arg588_1
        assert_size_stride(arg589_1, (64, ), (1, ), 'input')
        assert_size_stride(arg590_1, (64, ), (1, ), 'input')
        buf696 = buf197; del buf197  # reuse
        buf697 = buf696; del buf696  # reuse
        buf698 = buf196; del buf196  # reuse
        buf699 = reinterpret_tensor(buf694, (2, 16, 64), (1024, 64, 1), 0); del buf694  # reuse
        assert_size_stride(arg592_1, (8, 64), (64, 1), 'input')
        cpp_fused_native_layer_norm_permute_view_17(buf697, buf695, arg589_1, arg590_1, buf698, buf699)
        del arg589_1
        del arg590_1
        buf701 = reinterpret_tensor(buf676, (32, 8), (8, 1), 0); del buf676  # reuse
        # Topologically Sorted Source Nodes: [linear_266], Original ATen: [aten.view, aten.t, aten.mm]
        extern_kernels.mm(reinterpret_tensor(buf699, (32, 64), (64, 1), 0), reinterpret_tensor(arg592_1, (64, 8), (1, 64), 0), out=buf701)
        del arg592_1
        assert_size_stride(arg593_1, (64, 8), (8, 1), 'input')
        buf702 = reinterpret_tensor(buf668, (32, 64), (64, 1), 0); del buf668  # reuse
        # Topologically Sorted Source Nodes: [linear_267], Original ATen: [aten.t, aten.mm]
        extern_kernels.mm(buf701, reinterpret_tensor(arg593_1, (8, 64), (1, 8), 0), out=buf702)
        del arg593_1
        assert_size_stride(arg595_1, (8, 64), (64, 1), 'input')
        buf703 = buf701; del buf701  # reuse
        # Topologically Sorted Source Nodes: [linear_268], Original ATen: [aten.view, aten.t, aten.mm]
        extern_kernels.mm(reinterpret_tensor(buf699, (32, 64), (64, 1), 0), reinterpret_tensor(arg595_1, (64, 8), (1, 64), 0), out=buf703)
        del arg595_1
        assert_size_stride(arg596_1, (64, 8), (8, 1), 'input')
        buf704 = reinterpret_tensor(buf667, (32, 64), (64, 1), 0); del buf667  # reuse
        # Topologically Sorted Source Nodes: [linear_269], Original ATen: [aten.t, aten.mm]
        extern_kernels.mm(buf703, reinterpret_tensor(arg596_1, (8, 64), (1, 8), 0), out=buf704)
        del arg596_1
        assert_size_stride(arg591_1, (64, 64), (64, 1), 'input')
        buf700 = empty_strided_cpu((32, 64), (64, 1), torch.float32)
        # Topologically Sorted Source Nodes: [result_192], Original ATen: [aten.view, aten.t, aten.mm]
        extern_kernels.mm(reinterpret_tensor(buf699, (32, 64), (64, 1), 0), reinterpret_tensor(arg591_1, (64, 64), (1, 64), 0), out=buf700)
        del arg591_1
        assert_size_stride(arg594_1, (), (), 'input')
        assert_size_stride(arg597_1, (), (), 'input')
        buf715 = reinterpret_tensor(buf700, (2, 8, 16, 8), (1024, 8, 64, 1), 0); del buf700  # reuse
        assert_size_stride(arg599_1, (8, 64), (64, 1), 'input')
        cpp_fused__scaled_dot_product_flash_attention_for_cpu__unsafe_view_add_mul_transpose_view_18(buf715, buf702, arg594_1, buf704, arg597_1)
        del arg594_1
        del arg597_1
        buf706 = buf703; del buf703  # reuse
        # Topologically Sorted Source Nodes: [linear_271], Original ATen: [aten.view, aten.t, aten.mm]
        extern_kernels.mm(reinterpret_tensor(buf699, (32, 64), (64, 1), 0), reinterpret_tensor(arg599_1, (64, 8), (1, 64), 0), out=buf706)
        del arg599_1
        assert_size_stride(arg600_1, (64, 8), (8, 1), 'input')
        buf707 = buf704; del buf704  # reuse
        # Topologically Sorted Source Nodes: [linear_272], Original ATen: [aten.t, aten.mm]
        extern_kernels.mm(buf706, reinterpret_tensor(arg600_1, (8, 64), (1, 8), 0), out=buf707)
        del arg600_1
        assert_size_stride(arg602_1, (8, 64), (64, 1), 'input')
        buf708 = buf706; del buf706  # reuse
        # Topologically Sorted Source Nodes: [linear_273], Original ATen: [aten.view, aten.t, aten.mm]
        extern_kernels.mm(reinterpret_tensor(buf699, (32, 64), (64, 1), 0), reinterpret_tensor(arg602_1, (64, 8), (1, 64), 0), out=buf708)
        del arg602_1
        assert_size_stride(arg603_1, (64, 8), (8, 1), 'input')
        buf709 = buf702; del buf702  # reuse
        # Topologically Sorted Source Nodes: [linear_274], Original ATen: [aten.t, aten.mm]
        extern_kernels.mm(buf708, reinterpret_tensor(arg603_1, (8, 64), (1, 8), 0), out=buf709)
        del arg603_1
        assert_size_stride(arg598_1, (64, 64), (64, 1), 'input')
        buf705 = empty_strided_cpu((32, 64), (64, 1), torch.float32)
        # Topologically Sorted Source Nodes: [result_196], Original ATen: [aten.view, aten.t, aten.mm]
        extern_kernels.mm(reinterpret_tensor(buf699, (32, 64), (64, 1), 0), reinterpret_tensor(arg598_1, (64, 64), (1, 64), 0), out=buf705)
        del arg598_1
        assert_size_stride(arg601_1, (), (), 'input')
        assert_size_stride(arg604_1, (), (), 'input')
        buf716 = reinterpret_tensor(buf705, (2, 8, 16, 8), (1024, 8, 64, 1), 0); del buf705  # reuse
        assert_size_stride(arg606_1, (8, 64), (64, 1), 'input')
        cpp_fused__scaled_dot_product_flash_attention_for_cpu__unsafe_view_add_mul_transpose_view_18(buf716, buf707, arg601_1, buf709, arg604_1)
        del arg601_1
        del arg604_1
        buf711 = buf708; del buf708  # reuse
        # Topologically Sorted Source Nodes: [linear_276], Original ATen: [aten.view, aten.t, aten.mm]
        extern_kernels.mm(reinterpret_tensor(buf699, (32, 64), (64, 1), 0), reinterpret_tensor(arg606_1, (64, 8), (1, 64), 0), out=buf711)
        del arg606_1
        assert_size_stride(arg607_1, (64, 8), (8, 1), 'input')
        buf712 = buf709; del buf709  # reuse
        # Topologically Sorted Source Nodes: [linear_277], Original ATen: [aten.t, aten.mm]
        extern_kernels.mm(buf711, reinterpret_tensor(arg607_1, (8, 64), (1, 8), 0), out=buf712)
        del arg607_1
        assert_size_stride(arg609_1, (8, 64), (64, 1), 'input')
        buf713 = buf711; del buf711  # reuse
        # Topologically Sorted Source Nodes: [linear_278], Original ATen: [aten.view, aten.t, aten.mm]
        extern_kernels.mm(reinterpret_tensor(buf699, (32, 64), (64, 1), 0), reinterpret_tensor(arg609_1, (64, 8), (1, 64), 0), out=buf713)
        del arg609_1
        assert_size_stride(arg610_1, (64, 8), (8, 1), 'input')
        buf714 = buf707; del buf707  # reuse
        # Topologically Sorted Source Nodes: [linear_279], Original ATen: [aten.t, aten.mm]
        extern_kernels.mm(buf713, reinterpret_tensor(arg610_1, (8, 64), (1, 8), 0), out=buf714)
        del arg610_1
        assert_size_stride(arg605_1, (64, 64), (64, 1), 'input')
        buf710 = empty_strided_cpu((32, 64), (64, 1), torch.float32)
        # Topologically Sorted Source Nodes: [result_200], Original ATen: [aten.view, aten.t, aten.mm]
        extern_kernels.mm(reinterpret_tensor(buf699, (32, 64), (64, 1), 0), reinterpret_tensor(arg605_1, (64, 64), (1, 64), 0), out=buf710)
        del arg605_1
        del buf699
        assert_size_stride(arg608_1, (), (), 'input')
        assert_size_stride(arg611_1, (), (), 'input')
        buf717 = reinterpret_tensor(buf710, (2, 8, 16, 8), (1024, 8, 64, 1), 0); del buf710  # reuse
        cpp_fused__scaled_dot_product_flash_attention_for_cpu__unsafe_view_add_mul_transpose_view_18(buf717, buf712, arg608_1, buf714, arg611_1)
        del arg608_1
        del arg611_1
        del buf712
        del buf714
        # Topologically Sorted Source Nodes: [result_192, linear_267, mul_105, result_193, linear_269, mul_106, result_194, view_36, query_12, result_196, linear_272, mul_107, result_197, linear_274, mul_108, result_198, view_37, key_12, result_200, linear_277, mul_109, result_201, linear_279, mul_110, result_202, view_38, value_12, hidden_states_241], Original ATen: [aten._unsafe_view, aten.mul, aten.add, aten.view, aten.transpose, aten._scaled_dot_product_flash_attention_for_cpu]
        buf718 = torch.ops.aten._scaled_dot_product_flash_attention_for_cpu.default(buf715, buf716, buf717)
        buf719 = buf718[0]
        assert_size_stride(buf719, (2, 8, 16, 8), (1024, 8, 64, 1), 'torch.ops.aten._scaled_dot_product_flash_attention_for_cpu.default')
        assert_alignment(buf719, 16, 'torch.ops.aten._scaled_dot_product_flash_attention_for_cpu.default')
        del buf718
        assert_size_stride(arg614_1, (8, 64), (64, 1), 'input')
        buf722 = buf713; del buf713  # reuse
        # Topologically Sorted Source Nodes: [transpose_51, hidden_states_242, linear_281], Original ATen: [aten.transpose, aten.view, aten.t, aten.mm]
        extern_kernels.mm(reinterpret_tensor(buf719, (32, 64), (64, 1), 0), reinterpret_tensor(arg614_1, (64, 8), (1, 64), 0), out=buf722)
        del arg614_1
        assert_size_stride(arg615_1, (64, 8), (8, 1), 'input')
        buf723 = reinterpret_tensor(buf717, (32, 64), (64, 1), 0); del buf717  # reuse
        # Topologically Sorted Source Nodes: [linear_282], Original ATen: [aten.t, aten.mm]
        extern_kernels.mm(buf722, reinterpret_tensor(arg615_1, (8, 64), (1, 8), 0), out=buf723)
        del arg615_1
        assert_size_stride(arg617_1, (8, 64), (64, 1), 'input')
        buf724 = buf722; del buf722  # reuse
        # Topologically Sorted Source Nodes: [transpose_51, hidden_states_242, linear_283], Original ATen: [aten.transpose, aten.view, aten.t, aten.mm]
        extern_kernels.mm(reinterpret_tensor(buf719, (32, 64), (64, 1), 0), reinterpret_tensor(arg617_1, (64, 8), (1, 64), 0), out=buf724)
        del arg617_1
        assert_size_stride(arg618_1, (64, 8), (8, 1), 'input')
        buf725 = reinterpret_tensor(buf716, (32, 64), (64, 1), 0); del buf716  # reuse
        # Topologically Sorted Source Nodes: [linear_284], Original ATen: [aten.t, aten.mm]
        extern_kernels.mm(buf724, reinterpret_tensor(arg618_1, (8, 64), (1, 8), 0), out=buf725)
        del arg618_1
        assert_size_stride(arg613_1, (64, ), (1, ), 'input')
        assert_size_stride(arg612_1, (64, 64), (64, 1), 'input')
        buf721 = reinterpret_tensor(buf715, (32, 64), (64, 1), 0); del buf715  # reuse
        # Topologically Sorted Source Nodes: [transpose_51, hidden_states_242, result_204], Original ATen: [aten.transpose, aten.view, aten.t, aten.addmm]
        extern_kernels.addmm(arg613_1, reinterpret_tensor(buf719, (32, 64), (64, 1), 0), reinterpret_tensor(arg612_1, (64, 64), (1, 64), 0), alpha=1, beta=1, out=buf721)
        del arg612_1
        del arg613_1
        assert_size_stride(arg616_1, (), (), 'input')
        assert_size_stride(arg619_1, (), (), 'input')
        buf726 = reinterpret_tensor(buf721, (2, 16, 64), (1024, 64, 1), 0); del buf721  # reuse
        assert_size_stride(arg620_1, (64, ), (1, ), 'input')
        assert_size_stride(arg621_1, (64, ), (1, ), 'input')
        buf727 = buf698; del buf698  # reuse
        buf728 = buf727; del buf727  # reuse
        buf729 = buf697; del buf697  # reuse
        buf730 = reinterpret_tensor(buf719, (2, 16, 64), (1024, 64, 1), 0); del buf719  # reuse
        assert_size_stride(arg623_1, (8, 64), (64, 1), 'input')
        cpp_fused__unsafe_view_add_div_mul_native_layer_norm_permute_view_19(buf726, buf728, buf723, arg616_1, buf725, arg619_1, buf695, arg620_1, arg621_1, buf729, buf730)
        del arg616_1
        del arg619_1
        del arg620_1
        del arg621_1
        del buf728
        del buf729
        buf732 = buf724; del buf724  # reuse
        # Topologically Sorted Source Nodes: [linear_286], Original ATen: [aten.view, aten.t, aten.mm]
        extern_kernels.mm(reinterpret_tensor(buf730, (32, 64), (64, 1), 0), reinterpret_tensor(arg623_1, (64, 8), (1, 64), 0), out=buf732)
        del arg623_1
        assert_size_stride(arg624_1, (64, 8), (8, 1), 'input')
        buf733 = buf725; del buf725  # reuse
        # Topologically Sorted Source Nodes: [linear_287], Original ATen: [aten.t, aten.mm]
        extern_kernels.mm(buf732, reinterpret_tensor(arg624_1, (8, 64), (1, 8), 0), out=buf733)
        del arg624_1
        assert_size_stride(arg626_1, (8, 64), (64, 1), 'input')
        buf734 = buf732; del buf732  # reuse
        # Topologically Sorted Source Nodes: [linear_288], Original ATen: [aten.view, aten.t, aten.mm]
        extern_kernels.mm(reinterpret_tensor(buf730, (32, 64), (64, 1), 0), reinterpret_tensor(arg626_1, (64, 8), (1, 64), 0), out=buf734)
        del arg626_1
        assert_size_stride(arg627_1, (64, 8), (8, 1), 'input')
        buf735 = buf723; del buf723  # reuse
        # Topologically Sorted Source Nodes: [linear_289], Original ATen: [aten.t, aten.mm]
        extern_kernels.mm(buf734, reinterpret_tensor(arg627_1, (8, 64), (1, 8), 0), out=buf735)
        del arg627_1
        del buf734
        assert_size_stride(arg622_1, (64, 64), (64, 1), 'input')
        buf731 = reinterpret_tensor(buf695, (32, 64), (64, 1), 0); del buf695  # reuse
        # Topologically Sorted Source Nodes: [result_208], Original ATen: [aten.view, aten.t, aten.mm]
        extern_kernels.mm(reinterpret_tensor(buf730, (32, 64), (64, 1), 0), reinterpret_tensor(arg622_1, (64, 64), (1, 64), 0), out=buf731)
        del arg622_1
        del buf730
        assert_size_stride(arg625_1, (), (), 'input')
        assert_size_stride(arg628_1, (), (), 'input')
        buf746 = reinterpret_tensor(buf731, (2, 8, 16, 8), (1024, 8, 64, 1), 0); del buf731  # reuse
        assert_size_stride(arg629_1, (64, 32), (32, 1), 'input')
        cpp_fused__scaled_dot_product_flash_attention_for_cpu__unsafe_view_add_mul_transpose_view_18(buf746, buf733, arg625_1, buf735, arg628_1)
        del arg625_1
        del arg628_1
        del buf733
        del buf735
        buf736 = reinterpret_tensor(buf648, (154, 64), (64, 1), 0); del buf648  # reuse
        # Topologically Sorted Source Nodes: [result_212], Original ATen: [aten.view, aten.t, aten.mm]
        extern_kernels.mm(reinterpret_tensor(arg55_1, (154, 32), (32, 1), 0), reinterpret_tensor(arg629_1, (32, 64), (1, 32), 0), out=buf736)
        del arg629_1
        assert_size_stride(arg630_1, (8, 32), (32, 1), 'input')
        buf737 = buf644; del buf644  # reuse
        # Topologically Sorted Source Nodes: [linear_291], Original ATen: [aten.view, aten.t, aten.mm]
        extern_kernels.mm(reinterpret_tensor(arg55_1, (154, 32), (32, 1), 0), reinterpret_tensor(arg630_1, (32, 8), (1, 32), 0), out=buf737)
        del arg630_1
        assert_size_stride(arg631_1, (64, 8), (8, 1), 'input')
        buf738 = reinterpret_tensor(buf647, (154, 64), (64, 1), 0); del buf647  # reuse
        # Topologically Sorted Source Nodes: [linear_292], Original ATen: [aten.t, aten.mm]
        extern_kernels.mm(buf737, reinterpret_tensor(arg631_1, (8, 64), (1, 8), 0), out=buf738)
        del arg631_1
        assert_size_stride(arg633_1, (8, 32), (32, 1), 'input')
        buf739 = buf737; del buf737  # reuse
        # Topologically Sorted Source Nodes: [linear_293], Original ATen: [aten.view, aten.t, aten.mm]
        extern_kernels.mm(reinterpret_tensor(arg55_1, (154, 32), (32, 1), 0), reinterpret_tensor(arg633_1, (32, 8), (1, 32), 0), out=buf739)
        del arg633_1
        assert_size_stride(arg634_1, (64, 8), (8, 1), 'input')
        buf740 = buf645; del buf645  # reuse
        # Topologically Sorted Source Nodes: [linear_294], Original ATen: [aten.t, aten.mm]
        extern_kernels.mm(buf739, reinterpret_tensor(arg634_1, (8, 64), (1, 8), 0), out=buf740)
        del arg634_1
        assert_size_stride(arg632_1, (), (), 'input')
        assert_size_stride(arg635_1, (), (), 'input')
        buf747 = reinterpret_tensor(buf736, (2, 8, 77, 8), (4928, 8, 64, 1), 0); del buf736  # reuse
        assert_size_stride(arg636_1, (64, 32), (32, 1), 'input')
        cpp_fused__scaled_dot_product_flash_attention_for_cpu__unsafe_view_add_mul_transpose_view_20(buf747, buf738, arg632_1, buf740, arg635_1)
        del arg632_1
        del arg635_1
        buf741 = buf740; del buf740  # reuse
        # Topologically Sorted Source Nodes: [result_216], Original ATen: [aten.view, aten.t, aten.mm]
        extern_kernels.mm(reinterpret_tensor(arg55_1, (154, 32), (32, 1), 0), reinterpret_tensor(arg636_1, (32, 64), (1, 32), 0), out=buf741)
        del arg636_1
        assert_size_stride(arg637_1, (8, 32), (32, 1), 'input')
        buf742 = buf739; del buf739  # reuse
        # Topologically Sorted Source Nodes: [linear_296], Original ATen: [aten.view, aten.t, aten.mm]
        extern_kernels.mm(reinterpret_tensor(arg55_1, (154, 32), (32, 1), 0), reinterpret_tensor(arg637_1, (32, 8), (1, 32), 0), out=buf742)
        del arg637_1
        assert_size_stride(arg638_1, (64, 8), (8, 1), 'input')
        buf743 = buf738; del buf738  # reuse
        # Topologically Sorted Source Nodes: [linear_297], Original ATen: [aten.t, aten.mm]
        extern_kernels.mm(buf742, reinterpret_tensor(arg638_1, (8, 64), (1, 8), 0), out=buf743)
        del arg638_1
        assert_size_stride(arg640_1, (8, 32), (32, 1), 'input')
        buf744 = buf742; del buf742  # reuse
        # Topologically Sorted Source Nodes: [linear_298], Original ATen: [aten.view, aten.t, aten.mm]
        extern_kernels.mm(reinterpret_tensor(arg55_1, (154, 32), (32, 1), 0), reinterpret_tensor(arg640_1, (32, 8), (1, 32), 0), out=buf744)
        del arg640_1
        assert_size_stride(arg641_1, (64, 8), (8, 1), 'input')
        buf745 = empty_strided_cpu((154, 64), (64, 1), torch.float32)
        # Topologically Sorted Source Nodes: [linear_299], Original ATen: [aten.t, aten.mm]
        extern_kernels.mm(buf744, reinterpret_tensor(arg641_1, (8, 64), (1, 8), 0), out=buf745)
        del arg641_1
        del buf744
        assert_size_stride(arg639_1, (), (), 'input')
        assert_size_stride(arg642_1, (), (), 'input')
        buf748 = reinterpret_tensor(buf741, (2, 8, 77, 8), (4928, 8, 64, 1), 0); del buf741  # reuse
        cpp_fused__scaled_dot_product_flash_attention_for_cpu__unsafe_view_add_mul_transpose_view_20(buf748, buf743, arg639_1, buf745, arg642_1)
        del arg639_1
        del arg642_1
        del buf743
        del buf745
        # Topologically Sorted Source Nodes: [result_208, linear_287, mul_113, result_209, linear_289, mul_114, result_210, view_39, query_13, result_212, linear_292, mul_115, result_213, linear_294, mul_116, result_214, view_40, key_13, result_216, linear_297, mul_117, result_217, linear_299, mul_118, result_218, view_41, value_13, hidden_states_247], Original ATen: [aten._unsafe_view, aten.mul, aten.add, aten.view, aten.transpose, aten._scaled_dot_product_flash_attention_for_cpu]
        buf749 = torch.ops.aten._scaled_dot_product_flash_attention_for_cpu.default(buf746, buf747, buf748)
        buf750 = buf749[0]
        assert_size_stride(buf750, (2, 8, 16, 8), (1024, 8, 64, 1), 'torch.ops.aten._scaled_dot_product_flash_attention_for_cpu.default')
        assert_alignment(buf750, 16, 'torch.ops.aten._scaled_dot_product_flash_attention_for_cpu.default')
        del buf749
        buf777 = empty_strided_cpu((2, 128), (128, 1), torch.float32)
        assert_size_stride(arg664_1, (64, ), (1, ), 'input')
        assert_size_stride(arg663_1, (64, 128), (128, 1), 'input')
        cpp_fused_silu_3(buf19, buf777)
        buf778 = empty_strided_cpu((2, 64), (64, 1), torch.float32)
        # Topologically Sorted Source Nodes: [temb_22, linear_307], Original ATen: [aten.silu, aten.t, aten.addmm]
        extern_kernels.addmm(arg664_1, buf777, reinterpret_tensor(arg663_1, (128, 64), (1, 128), 0), alpha=1, beta=1, out=buf778)
        del arg663_1
        del arg664_1
        buf769 = empty_strided_cpu((2, 96, 4, 4), (1536, 1, 384, 96), torch.float32)
        buf768 = reinterpret_tensor(buf769, (2, 32, 4, 4), (1536, 1, 384, 96), 64)  # alias
        assert_size_stride(arg645_1, (8, 64), (64, 1), 'input')
        cpp_fused_add_cat_div_53(buf108, buf768)
        del buf108
        buf753 = reinterpret_tensor(buf777, (32, 8), (8, 1), 0); del buf777  # reuse
        # Topologically Sorted Source Nodes: [transpose_55, hidden_states_248, linear_301], Original ATen: [aten.transpose, aten.view, aten.t, aten.mm]
        extern_kernels.mm(reinterpret_tensor(buf750, (32, 64), (64, 1), 0), reinterpret_tensor(arg645_1, (64, 8), (1, 64), 0), out=buf753)
        del arg645_1
        assert_size_stride(arg646_1, (64, 8), (8, 1), 'input')
        buf754 = reinterpret_tensor(buf746, (32, 64), (64, 1), 0); del buf746  # reuse
        # Topologically Sorted Source Nodes: [linear_302], Original ATen: [aten.t, aten.mm]
        extern_kernels.mm(buf753, reinterpret_tensor(arg646_1, (8, 64), (1, 8), 0), out=buf754)
        del arg646_1
        assert_size_stride(arg648_1, (8, 64), (64, 1), 'input')
        buf755 = buf753; del buf753  # reuse
        # Topologically Sorted Source Nodes: [transpose_55, hidden_states_248, linear_303], Original ATen: [aten.transpose, aten.view, aten.t, aten.mm]
        extern_kernels.mm(reinterpret_tensor(buf750, (32, 64), (64, 1), 0), reinterpret_tensor(arg648_1, (64, 8), (1, 64), 0), out=buf755)
        del arg648_1
        assert_size_stride(arg649_1, (64, 8), (8, 1), 'input')
        buf756 = empty_strided_cpu((32, 64), (64, 1), torch.float32)
        # Topologically Sorted Source Nodes: [linear_304], Original ATen: [aten.t, aten.mm]
        extern_kernels.mm(buf755, reinterpret_tensor(arg649_1, (8, 64), (1, 8), 0), out=buf756)
        del arg649_1
        assert_size_stride(arg644_1, (64, ), (1, ), 'input')
        assert_size_stride(arg643_1, (64, 64), (64, 1), 'input')
        buf752 = empty_strided_cpu((32, 64), (64, 1), torch.float32)
        # Topologically Sorted Source Nodes: [transpose_55, hidden_states_248, result_220], Original ATen: [aten.transpose, aten.view, aten.t, aten.addmm]
        extern_kernels.addmm(arg644_1, reinterpret_tensor(buf750, (32, 64), (64, 1), 0), reinterpret_tensor(arg643_1, (64, 64), (1, 64), 0), alpha=1, beta=1, out=buf752)
        del arg643_1
        del arg644_1
        assert_size_stride(arg647_1, (), (), 'input')
        assert_size_stride(arg650_1, (), (), 'input')
        buf757 = reinterpret_tensor(buf752, (2, 16, 64), (1024, 64, 1), 0); del buf752  # reuse
        assert_size_stride(arg651_1, (64, ), (1, ), 'input')
        assert_size_stride(arg652_1, (64, ), (1, ), 'input')
        buf758 = empty_strided_cpu((2, 16, 1), (16, 1, 32), torch.float32)
        buf759 = buf758; del buf758  # reuse
        buf760 = empty_strided_cpu((2, 16, 1), (16, 1, 32), torch.float32)
        buf761 = reinterpret_tensor(buf750, (2, 16, 64), (1024, 64, 1), 0); del buf750  # reuse
        assert_size_stride(arg654_1, (512, ), (1, ), 'input')
        assert_size_stride(arg653_1, (512, 64), (64, 1), 'input')
        cpp_fused__unsafe_view_add_div_mul_native_layer_norm_permute_view_19(buf757, buf759, buf754, arg647_1, buf756, arg650_1, buf726, arg651_1, arg652_1, buf760, buf761)
        del arg647_1
        del arg650_1
        del arg651_1
        del arg652_1
        del buf726
        del buf754
        del buf756
        buf762 = empty_strided_cpu((32, 512), (512, 1), torch.float32)
        # Topologically Sorted Source Nodes: [norm_hidden_states_20, hidden_states_253], Original ATen: [aten.native_layer_norm, aten.view, aten.t, aten.addmm]
        extern_kernels.addmm(arg654_1, reinterpret_tensor(buf761, (32, 64), (64, 1), 0), reinterpret_tensor(arg653_1, (64, 512), (1, 64), 0), alpha=1, beta=1, out=buf762)
        del arg653_1
        del arg654_1
        buf763 = empty_strided_cpu((2, 16, 256), (4096, 256, 1), torch.float32)
        assert_size_stride(arg656_1, (64, ), (1, ), 'input')
        assert_size_stride(arg655_1, (64, 256), (256, 1), 'input')
        cpp_fused_gelu_mul_split_view_21(buf762, buf763)
        del buf762
        buf764 = reinterpret_tensor(buf761, (32, 64), (64, 1), 0); del buf761  # reuse
        # Topologically Sorted Source Nodes: [hidden_states_253, chunk_6, gelu_6, hidden_states_255, hidden_states_257], Original ATen: [aten.view, aten.split, aten.gelu, aten.mul, aten.t, aten.addmm]
        extern_kernels.addmm(arg656_1, reinterpret_tensor(buf763, (32, 256), (256, 1), 0), reinterpret_tensor(arg655_1, (256, 64), (1, 256), 0), alpha=1, beta=1, out=buf764)
        del arg655_1
        del arg656_1
        del buf763
        buf765 = reinterpret_tensor(buf764, (2, 64, 4, 4), (1024, 1, 256, 64), 0); del buf764  # reuse
        assert_size_stride(arg657_1, (64, 64, 1, 1), (64, 1, 64, 64), 'input')
        assert_size_stride(arg658_1, (64, ), (1, ), 'input')
        cpp_fused_add_clone_permute_view_22(buf765, buf757)
        # Topologically Sorted Source Nodes: [hidden_states_257, hidden_states_258, reshape_27, permute_13, hidden_states_259, hidden_states_260], Original ATen: [aten.view, aten.add, aten.permute, aten.clone, aten.convolution]
        buf766 = extern_kernels.convolution(buf765, arg657_1, arg658_1, stride=(1, 1), padding=(0, 0), dilation=(1, 1), transposed=False, output_padding=(0, 0), groups=1)
        assert_size_stride(buf766, (2, 64, 4, 4), (1024, 1, 256, 64), 'torch.ops.aten.convolution.default')
        del arg657_1
        del arg658_1
        buf767 = reinterpret_tensor(buf769, (2, 64, 4, 4), (1536, 1, 384, 96), 0)  # alias
        buf770 = empty_strided_cpu((2, 8, 1, 1), (8, 1, 16, 16), torch.float32)
        buf771 = buf770; del buf770  # reuse
        assert_size_stride(arg659_1, (96, ), (1, ), 'input')
        assert_size_stride(arg660_1, (96, ), (1, ), 'input')
        buf772 = empty_strided_cpu((2, 8, 1, 1), (8, 1, 16, 16), torch.float32)
        buf773 = empty_strided_cpu((2, 8, 12, 1), (96, 12, 1, 1), torch.float32)
        buf774 = empty_strided_cpu((2, 8, 12, 1), (96, 12, 1, 1), torch.float32)
        buf775 = empty_strided_cpu((2, 96, 4, 4), (1536, 1, 384, 96), torch.float32)
        assert_size_stride(arg661_1, (64, 96, 3, 3), (864, 1, 288, 96), 'input')
        assert_size_stride(arg662_1, (64, ), (1, ), 'input')
        cpp_fused_add_div_native_group_norm_silu_54(buf771, buf766, buf684, buf688, buf769, arg659_1, arg660_1, buf767, buf772, buf773, buf774, buf775)
        del arg659_1
        del arg660_1
        del buf767
        del buf768
        # Topologically Sorted Source Nodes: [hidden_states_262, hidden_states_263, hidden_states_264], Original ATen: [aten.native_group_norm, aten.silu, aten.convolution]
        buf776 = extern_kernels.convolution(buf775, arg661_1, arg662_1, stride=(1, 1), padding=(1, 1), dilation=(1, 1), transposed=False, output_padding=(0, 0), groups=1)
        assert_size_stride(buf776, (2, 64, 4, 4), (1024, 1, 256, 64), 'torch.ops.aten.convolution.default')
        del arg661_1
        del arg662_1
        del buf775
        buf779 = buf772; del buf772  # reuse
        buf780 = buf779; del buf779  # reuse
        assert_size_stride(arg665_1, (64, ), (1, ), 'input')
        assert_size_stride(arg666_1, (64, ), (1, ), 'input')
        buf781 = buf771; del buf771  # reuse
        buf783 = empty_strided_cpu((2, 8, 8, 1), (64, 8, 1, 1), torch.float32)
        buf784 = empty_strided_cpu((2, 8, 8, 1), (64, 8, 1, 1), torch.float32)
        buf785 = buf776; del buf776  # reuse
        assert_size_stride(arg667_1, (64, 64, 3, 3), (576, 1, 192, 64), 'input')
        assert_size_stride(arg668_1, (64, ), (1, ), 'input')
        cpp_fused_add_native_group_norm_silu_unsqueeze_15(buf780, buf785, buf778, arg665_1, arg666_1, buf781, buf783, buf784)
        del arg665_1
        del arg666_1
        del buf778
        # Topologically Sorted Source Nodes: [temb_23, hidden_states_265, hidden_states_266, hidden_states_267, hidden_states_269], Original ATen: [aten.unsqueeze, aten.add, aten.native_group_norm, aten.silu, aten.convolution]
        buf786 = extern_kernels.convolution(buf785, arg667_1, arg668_1, stride=(1, 1), padding=(1, 1), dilation=(1, 1), transposed=False, output_padding=(0, 0), groups=1)
        assert_size_stride(buf786, (2, 64, 4, 4), (1024, 1, 256, 64), 'torch.ops.aten.convolution.default')
        del arg667_1
        del arg668_1
        assert_size_stride(arg669_1, (64, 96, 1, 1), (96, 1, 96, 96), 'input')
        assert_size_stride(arg670_1, (64, ), (1, ), 'input')
        # Topologically Sorted Source Nodes: [input_tensor_6], Original ATen: [aten.convolution]
        buf782 = extern_kernels.convolution(buf769, arg669_1, arg670_1, stride=(1, 1), padding=(0, 0), dilation=(1, 1), transposed=False, output_padding=(0, 0), groups=1)
        assert_size_stride(buf782, (2, 64, 4, 4), (1024, 1, 256, 64), 'torch.ops.aten.convolution.default')
        del arg669_1
        del arg670_1
        del buf769
        buf787 = buf781; del buf781  # reuse
        buf788 = buf787; del buf787  # reuse
        assert_size_stride(arg671_1, (64, ), (1, ), 'input')
        assert_size_stride(arg672_1, (64, ), (1, ), 'input')
        buf789 = buf780; del buf780  # reuse
        buf790 = buf784; del buf784  # reuse
        buf791 = buf783; del buf783  # reuse
        buf792 = buf785; del buf785  # reuse
        assert_size_stride(arg673_1, (64, 64, 1, 1), (64, 1, 64, 64), 'input')
        assert_size_stride(arg674_1, (64, ), (1, ), 'input')
        cpp_fused_add_div_native_group_norm_16(buf788, buf782, buf786, arg671_1, arg672_1, buf789, buf790, buf791, buf792)
        del arg671_1
        del arg672_1
        # Topologically Sorted Source Nodes: [add_163, output_tensor_11, hidden_states_270, hidden_states_271], Original ATen: [aten.add, aten.div, aten.native_group_norm, aten.convolution]
        buf793 = extern_kernels.convolution(buf792, arg673_1, arg674_1, stride=(1, 1), padding=(0, 0), dilation=(1, 1), transposed=False, output_padding=(0, 0), groups=1)
        assert_size_stride(buf793, (2, 64, 4, 4), (1024, 1, 256, 64), 'torch.ops.aten.convolution.default')
        del arg673_1
        del arg674_1
        assert_size_stride(arg675_1, (64, ), (1, ), 'input')
        assert_size_stride(arg676_1, (64, ), (1, ), 'input')
        buf794 = buf760; del buf760  # reuse
        buf795 = buf794; del buf794  # reuse
        buf796 = buf759; del buf759  # reuse
        buf797 = reinterpret_tensor(buf792, (2, 16, 64), (1024, 64, 1), 0); del buf792  # reuse
        assert_size_stride(arg678_1, (8, 64), (64, 1), 'input')
        cpp_fused_native_layer_norm_permute_view_17(buf795, buf793, arg675_1, arg676_1, buf796, buf797)
        del arg675_1
        del arg676_1
        buf799 = buf755; del buf755  # reuse
        # Topologically Sorted Source Nodes: [linear_309], Original ATen: [aten.view, aten.t, aten.mm]
        extern_kernels.mm(reinterpret_tensor(buf797, (32, 64), (64, 1), 0), reinterpret_tensor(arg678_1, (64, 8), (1, 64), 0), out=buf799)
        del arg678_1
        assert_size_stride(arg679_1, (64, 8), (8, 1), 'input')
        buf800 = reinterpret_tensor(buf766, (32, 64), (64, 1), 0); del buf766  # reuse
        # Topologically Sorted Source Nodes: [linear_310], Original ATen: [aten.t, aten.mm]
        extern_kernels.mm(buf799, reinterpret_tensor(arg679_1, (8, 64), (1, 8), 0), out=buf800)
        del arg679_1
        assert_size_stride(arg681_1, (8, 64), (64, 1), 'input')
        buf801 = buf799; del buf799  # reuse
        # Topologically Sorted Source Nodes: [linear_311], Original ATen: [aten.view, aten.t, aten.mm]
        extern_kernels.mm(reinterpret_tensor(buf797, (32, 64), (64, 1), 0), reinterpret_tensor(arg681_1, (64, 8), (1, 64), 0), out=buf801)
        del arg681_1
        assert_size_stride(arg682_1, (64, 8), (8, 1), 'input')
        buf802 = reinterpret_tensor(buf688, (32, 64), (64, 1), 0); del buf688  # reuse
        # Topologically Sorted Source Nodes: [linear_312], Original ATen: [aten.t, aten.mm]
        extern_kernels.mm(buf801, reinterpret_tensor(arg682_1, (8, 64), (1, 8), 0), out=buf802)
        del arg682_1
        assert_size_stride(arg677_1, (64, 64), (64, 1), 'input')
        buf798 = reinterpret_tensor(buf684, (32, 64), (64, 1), 0); del buf684  # reuse
        # Topologically Sorted Source Nodes: [result_224], Original ATen: [aten.view, aten.t, aten.mm]
        extern_kernels.mm(reinterpret_tensor(buf797, (32, 64), (64, 1), 0), reinterpret_tensor(arg677_1, (64, 64), (1, 64), 0), out=buf798)
        del arg677_1
        assert_size_stride(arg680_1, (), (), 'input')
        assert_size_stride(arg683_1, (), (), 'input')
        buf813 = reinterpret_tensor(buf798, (2, 8, 16, 8), (1024, 8, 64, 1), 0); del buf798  # reuse
        assert_size_stride(arg685_1, (8, 64), (64, 1), 'input')
        cpp_fused__scaled_dot_product_flash_attention_for_cpu__unsafe_view_add_mul_transpose_view_18(buf813, buf800, arg680_1, buf802, arg683_1)
        del arg680_1
        del arg683_1
        buf804 = buf801; del buf801  # reuse
        # Topologically Sorted Source Nodes: [linear_314], Original ATen: [aten.view, aten.t, aten.mm]
        extern_kernels.mm(reinterpret_tensor(buf797, (32, 64), (64, 1), 0), reinterpret_tensor(arg685_1, (64, 8), (1, 64), 0), out=buf804)
        del arg685_1
        assert_size_stride(arg686_1, (64, 8), (8, 1), 'input')
        buf805 = buf802; del buf802  # reuse
        # Topologically Sorted Source Nodes: [linear_315], Original ATen: [aten.t, aten.mm]
        extern_kernels.mm(buf804, reinterpret_tensor(arg686_1, (8, 64), (1, 8), 0), out=buf805)
        del arg686_1
        assert_size_stride(arg688_1, (8, 64), (64, 1), 'input')
        buf806 = buf804; del buf804  # reuse
        # Topologically Sorted Source Nodes: [linear_316], Original ATen: [aten.view, aten.t, aten.mm]
        extern_kernels.mm(reinterpret_tensor(buf797, (32, 64), (64, 1), 0), reinterpret_tensor(arg688_1, (64, 8), (1, 64), 0), out=buf806)
        del arg688_1
        assert_size_stride(arg689_1, (64, 8), (8, 1), 'input')
        buf807 = buf800; del buf800  # reuse
        # Topologically Sorted Source Nodes: [linear_317], Original ATen: [aten.t, aten.mm]
        extern_kernels.mm(buf806, reinterpret_tensor(arg689_1, (8, 64), (1, 8), 0), out=buf807)
        del arg689_1
        assert_size_stride(arg684_1, (64, 64), (64, 1), 'input')
        buf803 = reinterpret_tensor(buf765, (32, 64), (64, 1), 0); del buf765  # reuse
        # Topologically Sorted Source Nodes: [result_228], Original ATen: [aten.view, aten.t, aten.mm]
        extern_kernels.mm(reinterpret_tensor(buf797, (32, 64), (64, 1), 0), reinterpret_tensor(arg684_1, (64, 64), (1, 64), 0), out=buf803)
        del arg684_1
        assert_size_stride(arg687_1, (), (), 'input')
        assert_size_stride(arg690_1, (), (), 'input')
        buf814 = reinterpret_tensor(buf803, (2, 8, 16, 8), (1024, 8, 64, 1), 0); del buf803  # reuse
        assert_size_stride(arg692_1, (8, 64), (64, 1), 'input')
        cpp_fused__scaled_dot_product_flash_attention_for_cpu__unsafe_view_add_mul_transpose_view_18(buf814, buf805, arg687_1, buf807, arg690_1)
        del arg687_1
        del arg690_1
        buf809 = buf806; del buf806  # reuse
        # Topologically Sorted Source Nodes: [linear_319], Original ATen: [aten.view, aten.t, aten.mm]
        extern_kernels.mm(reinterpret_tensor(buf797, (32, 64), (64, 1), 0), reinterpret_tensor(arg692_1, (64, 8), (1, 64), 0), out=buf809)
        del arg692_1
        assert_size_stride(arg693_1, (64, 8), (8, 1), 'input')
        buf810 = buf807; del buf807  # reuse
        # Topologically Sorted Source Nodes: [linear_320], Original ATen: [aten.t, aten.mm]
        extern_kernels.mm(buf809, reinterpret_tensor(arg693_1, (8, 64), (1, 8), 0), out=buf810)
        del arg693_1
        assert_size_stride(arg695_1, (8, 64), (64, 1), 'input')
        buf811 = buf809; del buf809  # reuse
        # Topologically Sorted Source Nodes: [linear_321], Original ATen: [aten.view, aten.t, aten.mm]
        extern_kernels.mm(reinterpret_tensor(buf797, (32, 64), (64, 1), 0), reinterpret_tensor(arg695_1, (64, 8), (1, 64), 0), out=buf811)
        del arg695_1
        assert_size_stride(arg696_1, (64, 8), (8, 1), 'input')
        buf812 = buf805; del buf805  # reuse
        # Topologically Sorted Source Nodes: [linear_322], Original ATen: [aten.t, aten.mm]
        extern_kernels.mm(buf811, reinterpret_tensor(arg696_1, (8, 64), (1, 8), 0), out=buf812)
        del arg696_1
        assert_size_stride(arg691_1, (64, 64), (64, 1), 'input')
        buf808 = reinterpret_tensor(buf757, (32, 64), (64, 1), 0); del buf757  # reuse
        # Topologically Sorted Source Nodes: [result_232], Original ATen: [aten.view, aten.t, aten.mm]
        extern_kernels.mm(reinterpret_tensor(buf797, (32, 64), (64, 1), 0), reinterpret_tensor(arg691_1, (64, 64), (1, 64), 0), out=buf808)
        del arg691_1
        del buf797
        assert_size_stride(arg694_1, (), (), 'input')
        assert_size_stride(arg697_1, (), (), 'input')
        buf815 = reinterpret_tensor(buf808, (2, 8, 16, 8), (1024, 8, 64, 1), 0); del buf808  # reuse
        cpp_fused__scaled_dot_product_flash_attention_for_cpu__unsafe_view_add_mul_transpose_view_18(buf815, buf810, arg694_1, buf812, arg697_1)
        del arg694_1
        del arg697_1
        del buf810
        del buf812
        # Topologically Sorted Source Nodes: [result_224, linear_310, mul_122, result_225, linear_312, mul_123, result_226, view_42, query_14, result_228, linear_315, mul_124, result_229, linear_317, mul_125, result_230, view_43, key_14, result_232, linear_320, mul_126, result_233, linear_322, mul_127, result_234, view_44, value_14, hidden_states_273], Original ATen: [aten._unsafe_view, aten.mul, aten.add, aten.view, aten.transpose, aten._scaled_dot_product_flash_attention_for_cpu]
        buf816 = torch.ops.aten._scaled_dot_product_flash_attention_for_cpu.default(buf813, buf814, buf815)
        buf817 = buf816[0]
        assert_size_stride(buf817, (2, 8, 16, 8), (1024, 8, 64, 1), 'torch.ops.aten._scaled_dot_product_flash_attention_for_cpu.default')
        assert_alignment(buf817, 16, 'torch.ops.aten._scaled_dot_product_flash_attention_for_cpu.default')
        del buf816
        assert_size_stride(arg700_1, (8, 64), (64, 1), 'input')
        buf820 = buf811; del buf811  # reuse
        # Topologically Sorted Source Nodes: [transpose_59, hidden_states_274, linear_324], Original ATen: [aten.transpose, aten.view, aten.t, aten.mm]
        extern_kernels.mm(reinterpret_tensor(buf817, (32, 64), (64, 1), 0), reinterpret_tensor(arg700_1, (64, 8), (1, 64), 0), out=buf820)
        del arg700_1
        assert_size_stride(arg701_1, (64, 8), (8, 1), 'input')
        buf821 = reinterpret_tensor(buf815, (32, 64), (64, 1), 0); del buf815  # reuse
        # Topologically Sorted Source Nodes: [linear_325], Original ATen: [aten.t, aten.mm]
        extern_kernels.mm(buf820, reinterpret_tensor(arg701_1, (8, 64), (1, 8), 0), out=buf821)
        del arg701_1
        assert_size_stride(arg703_1, (8, 64), (64, 1), 'input')
        buf822 = buf820; del buf820  # reuse
        # Topologically Sorted Source Nodes: [transpose_59, hidden_states_274, linear_326], Original ATen: [aten.transpose, aten.view, aten.t, aten.mm]
        extern_kernels.mm(reinterpret_tensor(buf817, (32, 64), (64, 1), 0), reinterpret_tensor(arg703_1, (64, 8), (1, 64), 0), out=buf822)
        del arg703_1
        assert_size_stride(arg704_1, (64, 8), (8, 1), 'input')
        buf823 = reinterpret_tensor(buf814, (32, 64), (64, 1), 0); del buf814  # reuse
        # Topologically Sorted Source Nodes: [linear_327], Original ATen: [aten.t, aten.mm]
        extern_kernels.mm(buf822, reinterpret_tensor(arg704_1, (8, 64), (1, 8), 0), out=buf823)
        del arg704_1
        assert_size_stride(arg699_1, (64, ), (1, ), 'input')
        assert_size_stride(arg698_1, (64, 64), (64, 1), 'input')
        buf819 = reinterpret_tensor(buf813, (32, 64), (64, 1), 0); del buf813  # reuse
        # Topologically Sorted Source Nodes: [transpose_59, hidden_states_274, result_236], Original ATen: [aten.transpose, aten.view, aten.t, aten.addmm]
        extern_kernels.addmm(arg699_1, reinterpret_tensor(buf817, (32, 64), (64, 1), 0), reinterpret_tensor(arg698_1, (64, 64), (1, 64), 0), alpha=1, beta=1, out=buf819)
        del arg698_1
        del arg699_1
        assert_size_stride(arg702_1, (), (), 'input')
        assert_size_stride(arg705_1, (), (), 'input')
        buf824 = reinterpret_tensor(buf819, (2, 16, 64), (1024, 64, 1), 0); del buf819  # reuse
        assert_size_stride(arg706_1, (64, ), (1, ), 'input')
        assert_size_stride(arg707_1, (64, ), (1, ), 'input')
        buf825 = buf796; del buf796  # reuse
        buf826 = buf825; del buf825  # reuse
        buf827 = buf795; del buf795  # reuse
        buf828 = reinterpret_tensor(buf817, (2, 16, 64), (1024, 64, 1), 0); del buf817  # reuse
        assert_size_stride(arg709_1, (8, 64), (64, 1), 'input')
        cpp_fused__unsafe_view_add_div_mul_native_layer_norm_permute_view_19(buf824, buf826, buf821, arg702_1, buf823, arg705_1, buf793, arg706_1, arg707_1, buf827, buf828)
        del arg702_1
        del arg705_1
        del arg706_1
        del arg707_1
        buf830 = buf822; del buf822  # reuse
        # Topologically Sorted Source Nodes: [linear_329], Original ATen: [aten.view, aten.t, aten.mm]
        extern_kernels.mm(reinterpret_tensor(buf828, (32, 64), (64, 1), 0), reinterpret_tensor(arg709_1, (64, 8), (1, 64), 0), out=buf830)
        del arg709_1
        assert_size_stride(arg710_1, (64, 8), (8, 1), 'input')
        buf831 = buf823; del buf823  # reuse
        # Topologically Sorted Source Nodes: [linear_330], Original ATen: [aten.t, aten.mm]
        extern_kernels.mm(buf830, reinterpret_tensor(arg710_1, (8, 64), (1, 8), 0), out=buf831)
        del arg710_1
        assert_size_stride(arg712_1, (8, 64), (64, 1), 'input')
        buf832 = buf830; del buf830  # reuse
        # Topologically Sorted Source Nodes: [linear_331], Original ATen: [aten.view, aten.t, aten.mm]
        extern_kernels.mm(reinterpret_tensor(buf828, (32, 64), (64, 1), 0), reinterpret_tensor(arg712_1, (64, 8), (1, 64), 0), out=buf832)
        del arg712_1
        assert_size_stride(arg713_1, (64, 8), (8, 1), 'input')
        buf833 = buf821; del buf821  # reuse
        # Topologically Sorted Source Nodes: [linear_332], Original ATen: [aten.t, aten.mm]
        extern_kernels.mm(buf832, reinterpret_tensor(arg713_1, (8, 64), (1, 8), 0), out=buf833)
        del arg713_1
        assert_size_stride(arg708_1, (64, 64), (64, 1), 'input')
        buf829 = reinterpret_tensor(buf793, (32, 64), (64, 1), 0); del buf793  # reuse
        # Topologically Sorted Source Nodes: [result_240], Original ATen: [aten.view, aten.t, aten.mm]
        extern_kernels.mm(reinterpret_tensor(buf828, (32, 64), (64, 1), 0), reinterpret_tensor(arg708_1, (64, 64), (1, 64), 0), out=buf829)
        del arg708_1
        del buf828
        assert_size_stride(arg711_1, (), (), 'input')
        assert_size_stride(arg714_1, (), (), 'input')
        buf844 = reinterpret_tensor(buf829, (2, 8, 16, 8), (1024, 8, 64, 1), 0); del buf829  # reuse
        assert_size_stride(arg715_1, (64, 32), (32, 1), 'input')
        cpp_fused__scaled_dot_product_flash_attention_for_cpu__unsafe_view_add_mul_transpose_view_18(buf844, buf831, arg711_1, buf833, arg714_1)
        del arg711_1
        del arg714_1
        del buf831
        del buf833
        buf834 = reinterpret_tensor(buf748, (154, 64), (64, 1), 0); del buf748  # reuse
        # Topologically Sorted Source Nodes: [result_244], Original ATen: [aten.view, aten.t, aten.mm]
        extern_kernels.mm(reinterpret_tensor(arg55_1, (154, 32), (32, 1), 0), reinterpret_tensor(arg715_1, (32, 64), (1, 32), 0), out=buf834)
        del arg715_1
        assert_size_stride(arg716_1, (8, 32), (32, 1), 'input')
        buf835 = empty_strided_cpu((154, 8), (8, 1), torch.float32)
        # Topologically Sorted Source Nodes: [linear_334], Original ATen: [aten.view, aten.t, aten.mm]
        extern_kernels.mm(reinterpret_tensor(arg55_1, (154, 32), (32, 1), 0), reinterpret_tensor(arg716_1, (32, 8), (1, 32), 0), out=buf835)
        del arg716_1
        assert_size_stride(arg717_1, (64, 8), (8, 1), 'input')
        buf836 = reinterpret_tensor(buf747, (154, 64), (64, 1), 0); del buf747  # reuse
        # Topologically Sorted Source Nodes: [linear_335], Original ATen: [aten.t, aten.mm]
        extern_kernels.mm(buf835, reinterpret_tensor(arg717_1, (8, 64), (1, 8), 0), out=buf836)
        del arg717_1
        assert_size_stride(arg719_1, (8, 32), (32, 1), 'input')
        buf837 = buf835; del buf835  # reuse
        # Topologically Sorted Source Nodes: [linear_336], Original ATen: [aten.view, aten.t, aten.mm]
        extern_kernels.mm(reinterpret_tensor(arg55_1, (154, 32), (32, 1), 0), reinterpret_tensor(arg719_1, (32, 8), (1, 32), 0), out=buf837)
        del arg719_1
        assert_size_stride(arg720_1, (64, 8), (8, 1), 'input')
        buf838 = empty_strided_cpu((154, 64), (64, 1), torch.float32)
        # Topologically Sorted Source Nodes: [linear_337], Original ATen: [aten.t, aten.mm]
        extern_kernels.mm(buf837, reinterpret_tensor(arg720_1, (8, 64), (1, 8), 0), out=buf838)
        del arg720_1
        assert_size_stride(arg718_1, (), (), 'input')
        assert_size_stride(arg721_1, (), (), 'input')
        buf845 = reinterpret_tensor(buf834, (2, 8, 77, 8), (4928, 8, 64, 1), 0); del buf834  # reuse
        assert_size_stride(arg722_1, (64, 32), (32, 1), 'input')
        cpp_fused__scaled_dot_product_flash_attention_for_cpu__unsafe_view_add_mul_transpose_view_20(buf845, buf836, arg718_1, buf838, arg721_1)
        del arg718_1
        del arg721_1
        buf839 = buf838; del buf838  # reuse
        # Topologically Sorted Source Nodes: [result_248], Original ATen: [aten.view, aten.t, aten.mm]
        extern_kernels.mm(reinterpret_tensor(arg55_1, (154, 32), (32, 1), 0), reinterpret_tensor(arg722_1, (32, 64), (1, 32), 0), out=buf839)
        del arg722_1
        assert_size_stride(arg723_1, (8, 32), (32, 1), 'input')
        buf840 = buf837; del buf837  # reuse
        # Topologically Sorted Source Nodes: [linear_339], Original ATen: [aten.view, aten.t, aten.mm]
        extern_kernels.mm(reinterpret_tensor(arg55_1, (154, 32), (32, 1), 0), reinterpret_tensor(arg723_1, (32, 8), (1, 32), 0), out=buf840)
        del arg723_1
        assert_size_stride(arg724_1, (64, 8), (8, 1), 'input')
        buf841 = buf836; del buf836  # reuse
        # Topologically Sorted Source Nodes: [linear_340], Original ATen: [aten.t, aten.mm]
        extern_kernels.mm(buf840, reinterpret_tensor(arg724_1, (8, 64), (1, 8), 0), out=buf841)
        del arg724_1
        assert_size_stride(arg726_1, (8, 32), (32, 1), 'input')
        buf842 = buf840; del buf840  # reuse
        # Topologically Sorted Source Nodes: [linear_341], Original ATen: [aten.view, aten.t, aten.mm]
        extern_kernels.mm(reinterpret_tensor(arg55_1, (154, 32), (32, 1), 0), reinterpret_tensor(arg726_1, (32, 8), (1, 32), 0), out=buf842)
        del arg726_1
        assert_size_stride(arg727_1, (64, 8), (8, 1), 'input')
        buf843 = empty_strided_cpu((154, 64), (64, 1), torch.float32)
        # Topologically Sorted Source Nodes: [linear_342], Original ATen: [aten.t, aten.mm]
        extern_kernels.mm(buf842, reinterpret_tensor(arg727_1, (8, 64), (1, 8), 0), out=buf843)
        del arg727_1
        del buf842
        assert_size_stride(arg725_1, (), (), 'input')
        assert_size_stride(arg728_1, (), (), 'input')
        buf846 = reinterpret_tensor(buf839, (2, 8, 77, 8), (4928, 8, 64, 1), 0); del buf839  # reuse
        cpp_fused__scaled_dot_product_flash_attention_for_cpu__unsafe_view_add_mul_transpose_view_20(buf846, buf841, arg725_1, buf843, arg728_1)
        del arg725_1
        del arg728_1
        del buf841
        del buf843
        # Topologically Sorted Source Nodes: [result_240, linear_330, mul_130, result_241, linear_332, mul_131, result_242, view_45, query_15, result_244, linear_335, mul_132, result_245, linear_337, mul_133, result_246, view_46, key_15, result_248, linear_340, mul_134, result_249, linear_342, mul_135, result_250, view_47, value_15, hidden_states_279], Original ATen: [aten._unsafe_view, aten.mul, aten.add, aten.view, aten.transpose, aten._scaled_dot_product_flash_attention_for_cpu]
        buf847 = torch.ops.aten._scaled_dot_product_flash_attention_for_cpu.default(buf844, buf845, buf846)
        del buf845
        del buf846
        buf848 = buf847[0]
        assert_size_stride(buf848, (2, 8, 16, 8), (1024, 8, 64, 1), 'torch.ops.aten._scaled_dot_product_flash_attention_for_cpu.default')
        assert_alignment(buf848, 16, 'torch.ops.aten._scaled_dot_product_flash_attention_for_cpu.default')
        del buf847
        buf877 = reinterpret_tensor(buf832, (2, 128), (128, 1), 0); del buf832  # reuse
        assert_size_stride(arg752_1, (32, ), (1, ), 'input')
        assert_size_stride(arg751_1, (32, 128), (128, 1), 'input')
        cpp_fused_silu_3(buf19, buf877)
        buf878 = empty_strided_cpu((2, 32), (32, 1), torch.float32)
        # Topologically Sorted Source Nodes: [temb_24, linear_350], Original ATen: [aten.silu, aten.t, aten.addmm]
        extern_kernels.addmm(arg752_1, buf877, reinterpret_tensor(arg751_1, (128, 32), (1, 128), 0), alpha=1, beta=1, out=buf878)
        del arg751_1
        del arg752_1
        assert_size_stride(arg731_1, (8, 64), (64, 1), 'input')
        buf851 = reinterpret_tensor(buf877, (32, 8), (8, 1), 0); del buf877  # reuse
        # Topologically Sorted Source Nodes: [transpose_63, hidden_states_280, linear_344], Original ATen: [aten.transpose, aten.view, aten.t, aten.mm]
        extern_kernels.mm(reinterpret_tensor(buf848, (32, 64), (64, 1), 0), reinterpret_tensor(arg731_1, (64, 8), (1, 64), 0), out=buf851)
        del arg731_1
        assert_size_stride(arg732_1, (64, 8), (8, 1), 'input')
        buf852 = reinterpret_tensor(buf844, (32, 64), (64, 1), 0); del buf844  # reuse
        # Topologically Sorted Source Nodes: [linear_345], Original ATen: [aten.t, aten.mm]
        extern_kernels.mm(buf851, reinterpret_tensor(arg732_1, (8, 64), (1, 8), 0), out=buf852)
        del arg732_1
        assert_size_stride(arg734_1, (8, 64), (64, 1), 'input')
        buf853 = buf851; del buf851  # reuse
        # Topologically Sorted Source Nodes: [transpose_63, hidden_states_280, linear_346], Original ATen: [aten.transpose, aten.view, aten.t, aten.mm]
        extern_kernels.mm(reinterpret_tensor(buf848, (32, 64), (64, 1), 0), reinterpret_tensor(arg734_1, (64, 8), (1, 64), 0), out=buf853)
        del arg734_1
        assert_size_stride(arg735_1, (64, 8), (8, 1), 'input')
        buf854 = empty_strided_cpu((32, 64), (64, 1), torch.float32)
        # Topologically Sorted Source Nodes: [linear_347], Original ATen: [aten.t, aten.mm]
        extern_kernels.mm(buf853, reinterpret_tensor(arg735_1, (8, 64), (1, 8), 0), out=buf854)
        del arg735_1
        del buf853
        assert_size_stride(arg730_1, (64, ), (1, ), 'input')
        assert_size_stride(arg729_1, (64, 64), (64, 1), 'input')
        buf850 = empty_strided_cpu((32, 64), (64, 1), torch.float32)
        # Topologically Sorted Source Nodes: [transpose_63, hidden_states_280, result_252], Original ATen: [aten.transpose, aten.view, aten.t, aten.addmm]
        extern_kernels.addmm(arg730_1, reinterpret_tensor(buf848, (32, 64), (64, 1), 0), reinterpret_tensor(arg729_1, (64, 64), (1, 64), 0), alpha=1, beta=1, out=buf850)
        del arg729_1
        del arg730_1
        assert_size_stride(arg733_1, (), (), 'input')
        assert_size_stride(arg736_1, (), (), 'input')
        buf855 = reinterpret_tensor(buf850, (2, 16, 64), (1024, 64, 1), 0); del buf850  # reuse
        assert_size_stride(arg737_1, (64, ), (1, ), 'input')
        assert_size_stride(arg738_1, (64, ), (1, ), 'input')
        buf856 = buf827; del buf827  # reuse
        buf857 = buf856; del buf856  # reuse
        buf858 = buf826; del buf826  # reuse
        buf859 = reinterpret_tensor(buf848, (2, 16, 64), (1024, 64, 1), 0); del buf848  # reuse
        assert_size_stride(arg740_1, (512, ), (1, ), 'input')
        assert_size_stride(arg739_1, (512, 64), (64, 1), 'input')
        cpp_fused__unsafe_view_add_div_mul_native_layer_norm_permute_view_19(buf855, buf857, buf852, arg733_1, buf854, arg736_1, buf824, arg737_1, arg738_1, buf858, buf859)
        del arg733_1
        del arg736_1
        del arg737_1
        del arg738_1
        del buf824
        del buf852
        del buf854
        del buf857
        del buf858
        buf860 = empty_strided_cpu((32, 512), (512, 1), torch.float32)
        # Topologically Sorted Source Nodes: [norm_hidden_states_23, hidden_states_285], Original ATen: [aten.native_layer_norm, aten.view, aten.t, aten.addmm]
        extern_kernels.addmm(arg740_1, reinterpret_tensor(buf859, (32, 64), (64, 1), 0), reinterpret_tensor(arg739_1, (64, 512), (1, 64), 0), alpha=1, beta=1, out=buf860)
        del arg739_1
        del arg740_1
        buf861 = empty_strided_cpu((2, 16, 256), (4096, 256, 1), torch.float32)
        assert_size_stride(arg742_1, (64, ), (1, ), 'input')
        assert_size_stride(arg741_1, (64, 256), (256, 1), 'input')
        cpp_fused_gelu_mul_split_view_21(buf860, buf861)
        del buf860
        buf862 = reinterpret_tensor(buf859, (32, 64), (64, 1), 0); del buf859  # reuse
        # Topologically Sorted Source Nodes: [hidden_states_285, chunk_7, gelu_7, hidden_states_287, hidden_states_289], Original ATen: [aten.view, aten.split, aten.gelu, aten.mul, aten.t, aten.addmm]
        extern_kernels.addmm(arg742_1, reinterpret_tensor(buf861, (32, 256), (256, 1), 0), reinterpret_tensor(arg741_1, (256, 64), (1, 256), 0), alpha=1, beta=1, out=buf862)
        del arg741_1
        del arg742_1
        buf863 = reinterpret_tensor(buf862, (2, 64, 4, 4), (1024, 1, 256, 64), 0); del buf862  # reuse
        assert_size_stride(arg743_1, (64, 64, 1, 1), (64, 1, 64, 64), 'input')
        assert_size_stride(arg744_1, (64, ), (1, ), 'input')
        cpp_fused_add_clone_permute_view_22(buf863, buf855)
        del buf855
        # Topologically Sorted Source Nodes: [hidden_states_289, hidden_states_290, reshape_31, permute_15, hidden_states_291, hidden_states_292], Original ATen: [aten.view, aten.add, aten.permute, aten.clone, aten.convolution]
        buf864 = extern_kernels.convolution(buf863, arg743_1, arg744_1, stride=(1, 1), padding=(0, 0), dilation=(1, 1), transposed=False, output_padding=(0, 0), groups=1)
        assert_size_stride(buf864, (2, 64, 4, 4), (1024, 1, 256, 64), 'torch.ops.aten.convolution.default')
        del arg743_1
        del arg744_1
        del buf863
        buf865 = reinterpret_tensor(buf861, (2, 64, 8, 8), (4096, 1, 512, 64), 0); del buf861  # reuse
        assert_size_stride(arg745_1, (64, 64, 3, 3), (576, 1, 192, 64), 'input')
        assert_size_stride(arg746_1, (64, ), (1, ), 'input')
        cpp_fused__to_copy__unsafe_index_add_arange_clone_div_mul_unsqueeze_55(buf864, buf782, buf786, buf865)
        del buf782
        del buf786
        del buf864
        # Topologically Sorted Source Nodes: [add_163, output_tensor_11, output_7, hidden_states_293, hidden_states_294], Original ATen: [aten.add, aten.div, aten.arange, aten.mul, aten._to_copy, aten.unsqueeze, aten._unsafe_index, aten.clone, aten.convolution]
        buf866 = extern_kernels.convolution(buf865, arg745_1, arg746_1, stride=(1, 1), padding=(1, 1), dilation=(1, 1), transposed=False, output_padding=(0, 0), groups=1)
        assert_size_stride(buf866, (2, 64, 8, 8), (4096, 1, 512, 64), 'torch.ops.aten.convolution.default')
        del arg745_1
        del arg746_1
        del buf865
        buf867 = reinterpret_tensor(buf869, (2, 64, 8, 8), (6144, 1, 768, 96), 0)  # alias
        buf870 = buf789; del buf789  # reuse
        buf871 = buf870; del buf870  # reuse
        assert_size_stride(arg747_1, (96, ), (1, ), 'input')
        assert_size_stride(arg748_1, (96, ), (1, ), 'input')
        buf872 = buf788; del buf788  # reuse
        buf873 = buf774; del buf774  # reuse
        buf874 = buf773; del buf773  # reuse
        buf875 = empty_strided_cpu((2, 96, 8, 8), (6144, 1, 768, 96), torch.float32)
        assert_size_stride(arg749_1, (32, 96, 3, 3), (864, 1, 288, 96), 'input')
        assert_size_stride(arg750_1, (32, ), (1, ), 'input')
        cpp_fused_cat_native_group_norm_silu_56(buf871, buf866, buf869, arg747_1, arg748_1, buf867, buf872, buf873, buf874, buf875)
        del arg747_1
        del arg748_1
        del buf867
        del buf868
        del buf873
        del buf874
        # Topologically Sorted Source Nodes: [hidden_states_296, hidden_states_297, hidden_states_298], Original ATen: [aten.native_group_norm, aten.silu, aten.convolution]
        buf876 = extern_kernels.convolution(buf875, arg749_1, arg750_1, stride=(1, 1), padding=(1, 1), dilation=(1, 1), transposed=False, output_padding=(0, 0), groups=1)
        assert_size_stride(buf876, (2, 32, 8, 8), (2048, 1, 256, 32), 'torch.ops.aten.convolution.default')
        del arg749_1
        del arg750_1
        del buf875
        buf879 = buf872; del buf872  # reuse
        buf880 = buf879; del buf879  # reuse
        assert_size_stride(arg753_1, (32, ), (1, ), 'input')
        assert_size_stride(arg754_1, (32, ), (1, ), 'input')
        buf881 = buf871; del buf871  # reuse
        buf883 = empty_strided_cpu((2, 8, 4, 1), (32, 4, 1, 1), torch.float32)
        buf884 = empty_strided_cpu((2, 8, 4, 1), (32, 4, 1, 1), torch.float32)
        buf885 = buf876; del buf876  # reuse
        assert_size_stride(arg755_1, (32, 32, 3, 3), (288, 1, 96, 32), 'input')
        assert_size_stride(arg756_1, (32, ), (1, ), 'input')
        cpp_fused_add_native_group_norm_silu_unsqueeze_5(buf880, buf885, buf878, arg753_1, arg754_1, buf881, buf883, buf884)
        del arg753_1
        del arg754_1
        # Topologically Sorted Source Nodes: [temb_25, hidden_states_299, hidden_states_300, hidden_states_301, hidden_states_303], Original ATen: [aten.unsqueeze, aten.add, aten.native_group_norm, aten.silu, aten.convolution]
        buf886 = extern_kernels.convolution(buf885, arg755_1, arg756_1, stride=(1, 1), padding=(1, 1), dilation=(1, 1), transposed=False, output_padding=(0, 0), groups=1)
        assert_size_stride(buf886, (2, 32, 8, 8), (2048, 1, 256, 32), 'torch.ops.aten.convolution.default')
        del arg755_1
        del arg756_1
        assert_size_stride(arg757_1, (32, 96, 1, 1), (96, 1, 96, 96), 'input')
        assert_size_stride(arg758_1, (32, ), (1, ), 'input')
        # Topologically Sorted Source Nodes: [input_tensor_7], Original ATen: [aten.convolution]
        buf882 = extern_kernels.convolution(buf869, arg757_1, arg758_1, stride=(1, 1), padding=(0, 0), dilation=(1, 1), transposed=False, output_padding=(0, 0), groups=1)
        assert_size_stride(buf882, (2, 32, 8, 8), (2048, 1, 256, 32), 'torch.ops.aten.convolution.default')
        del arg757_1
        del arg758_1
        del buf869
        buf887 = buf881; del buf881  # reuse
        buf888 = buf887; del buf887  # reuse
        assert_size_stride(arg759_1, (32, ), (1, ), 'input')
        assert_size_stride(arg760_1, (32, ), (1, ), 'input')
        buf889 = buf880; del buf880  # reuse
        buf890 = buf884; del buf884  # reuse
        buf891 = buf883; del buf883  # reuse
        buf892 = buf885; del buf885  # reuse
        assert_size_stride(arg761_1, (32, 32, 1, 1), (32, 1, 32, 32), 'input')
        assert_size_stride(arg762_1, (32, ), (1, ), 'input')
        cpp_fused_add_div_native_group_norm_6(buf888, buf882, buf886, arg759_1, arg760_1, buf889, buf890, buf891, buf892)
        del arg759_1
        del arg760_1
        # Topologically Sorted Source Nodes: [add_185, output_tensor_12, hidden_states_304, hidden_states_305], Original ATen: [aten.add, aten.div, aten.native_group_norm, aten.convolution]
        buf893 = extern_kernels.convolution(buf892, arg761_1, arg762_1, stride=(1, 1), padding=(0, 0), dilation=(1, 1), transposed=False, output_padding=(0, 0), groups=1)
        assert_size_stride(buf893, (2, 32, 8, 8), (2048, 1, 256, 32), 'torch.ops.aten.convolution.default')
        del arg761_1
        del arg762_1
        assert_size_stride(arg763_1, (32, ), (1, ), 'input')
        assert_size_stride(arg764_1, (32, ), (1, ), 'input')
        buf894 = reinterpret_tensor(buf791, (2, 64, 1), (64, 1, 128), 0); del buf791  # reuse
        buf895 = buf894; del buf894  # reuse
        buf896 = reinterpret_tensor(buf790, (2, 64, 1), (64, 1, 128), 0); del buf790  # reuse
        buf897 = reinterpret_tensor(buf892, (2, 64, 32), (2048, 32, 1), 0); del buf892  # reuse
        assert_size_stride(arg766_1, (8, 32), (32, 1), 'input')
        cpp_fused_native_layer_norm_permute_view_7(buf895, buf893, arg763_1, arg764_1, buf896, buf897)
        del arg763_1
        del arg764_1
        buf899 = empty_strided_cpu((128, 8), (8, 1), torch.float32)
        # Topologically Sorted Source Nodes: [linear_352], Original ATen: [aten.view, aten.t, aten.mm]
        extern_kernels.mm(reinterpret_tensor(buf897, (128, 32), (32, 1), 0), reinterpret_tensor(arg766_1, (32, 8), (1, 32), 0), out=buf899)
        del arg766_1
        assert_size_stride(arg767_1, (32, 8), (8, 1), 'input')
        buf900 = empty_strided_cpu((128, 32), (32, 1), torch.float32)
        # Topologically Sorted Source Nodes: [linear_353], Original ATen: [aten.t, aten.mm]
        extern_kernels.mm(buf899, reinterpret_tensor(arg767_1, (8, 32), (1, 8), 0), out=buf900)
        del arg767_1
        assert_size_stride(arg769_1, (8, 32), (32, 1), 'input')
        buf901 = buf899; del buf899  # reuse
        # Topologically Sorted Source Nodes: [linear_354], Original ATen: [aten.view, aten.t, aten.mm]
        extern_kernels.mm(reinterpret_tensor(buf897, (128, 32), (32, 1), 0), reinterpret_tensor(arg769_1, (32, 8), (1, 32), 0), out=buf901)
        del arg769_1
        assert_size_stride(arg770_1, (32, 8), (8, 1), 'input')
        buf902 = empty_strided_cpu((128, 32), (32, 1), torch.float32)
        # Topologically Sorted Source Nodes: [linear_355], Original ATen: [aten.t, aten.mm]
        extern_kernels.mm(buf901, reinterpret_tensor(arg770_1, (8, 32), (1, 8), 0), out=buf902)
        del arg770_1
        assert_size_stride(arg765_1, (32, 32), (32, 1), 'input')
        buf898 = empty_strided_cpu((128, 32), (32, 1), torch.float32)
        # Topologically Sorted Source Nodes: [result_256], Original ATen: [aten.view, aten.t, aten.mm]
        extern_kernels.mm(reinterpret_tensor(buf897, (128, 32), (32, 1), 0), reinterpret_tensor(arg765_1, (32, 32), (1, 32), 0), out=buf898)
        del arg765_1
        assert_size_stride(arg768_1, (), (), 'input')
        assert_size_stride(arg771_1, (), (), 'input')
        buf913 = reinterpret_tensor(buf898, (2, 8, 64, 4), (2048, 4, 32, 1), 0); del buf898  # reuse
        assert_size_stride(arg773_1, (8, 32), (32, 1), 'input')
        cpp_fused__scaled_dot_product_flash_attention_for_cpu__unsafe_view_add_mul_transpose_view_8(buf913, buf900, arg768_1, buf902, arg771_1)
        del arg768_1
        del arg771_1
        buf904 = buf901; del buf901  # reuse
        # Topologically Sorted Source Nodes: [linear_357], Original ATen: [aten.view, aten.t, aten.mm]
        extern_kernels.mm(reinterpret_tensor(buf897, (128, 32), (32, 1), 0), reinterpret_tensor(arg773_1, (32, 8), (1, 32), 0), out=buf904)
        del arg773_1
        assert_size_stride(arg774_1, (32, 8), (8, 1), 'input')
        buf905 = buf902; del buf902  # reuse
        # Topologically Sorted Source Nodes: [linear_358], Original ATen: [aten.t, aten.mm]
        extern_kernels.mm(buf904, reinterpret_tensor(arg774_1, (8, 32), (1, 8), 0), out=buf905)
        del arg774_1
        assert_size_stride(arg776_1, (8, 32), (32, 1), 'input')
        buf906 = buf904; del buf904  # reuse
        # Topologically Sorted Source Nodes: [linear_359], Original ATen: [aten.view, aten.t, aten.mm]
        extern_kernels.mm(reinterpret_tensor(buf897, (128, 32), (32, 1), 0), reinterpret_tensor(arg776_1, (32, 8), (1, 32), 0), out=buf906)
        del arg776_1
        assert_size_stride(arg777_1, (32, 8), (8, 1), 'input')
        buf907 = buf900; del buf900  # reuse
        # Topologically Sorted Source Nodes: [linear_360], Original ATen: [aten.t, aten.mm]
        extern_kernels.mm(buf906, reinterpret_tensor(arg777_1, (8, 32), (1, 8), 0), out=buf907)
        del arg777_1
        assert_size_stride(arg772_1, (32, 32), (32, 1), 'input')
        buf903 = empty_strided_cpu((128, 32), (32, 1), torch.float32)
        # Topologically Sorted Source Nodes: [result_260], Original ATen: [aten.view, aten.t, aten.mm]
        extern_kernels.mm(reinterpret_tensor(buf897, (128, 32), (32, 1), 0), reinterpret_tensor(arg772_1, (32, 32), (1, 32), 0), out=buf903)
        del arg772_1
        assert_size_stride(arg775_1, (), (), 'input')
        assert_size_stride(arg778_1, (), (), 'input')
        buf914 = reinterpret_tensor(buf903, (2, 8, 64, 4), (2048, 4, 32, 1), 0); del buf903  # reuse
        assert_size_stride(arg780_1, (8, 32), (32, 1), 'input')
        cpp_fused__scaled_dot_product_flash_attention_for_cpu__unsafe_view_add_mul_transpose_view_8(buf914, buf905, arg775_1, buf907, arg778_1)
        del arg775_1
        del arg778_1
        buf909 = buf906; del buf906  # reuse
        # Topologically Sorted Source Nodes: [linear_362], Original ATen: [aten.view, aten.t, aten.mm]
        extern_kernels.mm(reinterpret_tensor(buf897, (128, 32), (32, 1), 0), reinterpret_tensor(arg780_1, (32, 8), (1, 32), 0), out=buf909)
        del arg780_1
        assert_size_stride(arg781_1, (32, 8), (8, 1), 'input')
        buf910 = buf907; del buf907  # reuse
        # Topologically Sorted Source Nodes: [linear_363], Original ATen: [aten.t, aten.mm]
        extern_kernels.mm(buf909, reinterpret_tensor(arg781_1, (8, 32), (1, 8), 0), out=buf910)
        del arg781_1
        assert_size_stride(arg783_1, (8, 32), (32, 1), 'input')
        buf911 = buf909; del buf909  # reuse
        # Topologically Sorted Source Nodes: [linear_364], Original ATen: [aten.view, aten.t, aten.mm]
        extern_kernels.mm(reinterpret_tensor(buf897, (128, 32), (32, 1), 0), reinterpret_tensor(arg783_1, (32, 8), (1, 32), 0), out=buf911)
        del arg783_1
        assert_size_stride(arg784_1, (32, 8), (8, 1), 'input')
        buf912 = buf905; del buf905  # reuse
        # Topologically Sorted Source Nodes: [linear_365], Original ATen: [aten.t, aten.mm]
        extern_kernels.mm(buf911, reinterpret_tensor(arg784_1, (8, 32), (1, 8), 0), out=buf912)
        del arg784_1
        assert_size_stride(arg779_1, (32, 32), (32, 1), 'input')
        buf908 = empty_strided_cpu((128, 32), (32, 1), torch.float32)
        # Topologically Sorted Source Nodes: [result_264], Original ATen: [aten.view, aten.t, aten.mm]
        extern_kernels.mm(reinterpret_tensor(buf897, (128, 32), (32, 1), 0), reinterpret_tensor(arg779_1, (32, 32), (1, 32), 0), out=buf908)
        del arg779_1
        del buf897
        assert_size_stride(arg782_1, (), (), 'input')
        assert_size_stride(arg785_1, (), (), 'input')
        buf915 = reinterpret_tensor(buf908, (2, 8, 64, 4), (2048, 4, 32, 1), 0); del buf908  # reuse
        cpp_fused__scaled_dot_product_flash_attention_for_cpu__unsafe_view_add_mul_transpose_view_8(buf915, buf910, arg782_1, buf912, arg785_1)
        del arg782_1
        del arg785_1
        del buf910
        del buf912
        # Topologically Sorted Source Nodes: [result_256, linear_353, mul_139, result_257, linear_355, mul_140, result_258, view_48, query_16, result_260, linear_358, mul_141, result_261, linear_360, mul_142, result_262, view_49, key_16, result_264, linear_363, mul_143, result_265, linear_365, mul_144, result_266, view_50, value_16, hidden_states_307], Original ATen: [aten._unsafe_view, aten.mul, aten.add, aten.view, aten.transpose, aten._scaled_dot_product_flash_attention_for_cpu]
        buf916 = torch.ops.aten._scaled_dot_product_flash_attention_for_cpu.default(buf913, buf914, buf915)
        buf917 = buf916[0]
        assert_size_stride(buf917, (2, 8, 64, 4), (2048, 4, 32, 1), 'torch.ops.aten._scaled_dot_product_flash_attention_for_cpu.default')
        assert_alignment(buf917, 16, 'torch.ops.aten._scaled_dot_product_flash_attention_for_cpu.default')
        del buf916
        assert_size_stride(arg788_1, (8, 32), (32, 1), 'input')
        buf920 = buf911; del buf911  # reuse
        # Topologically Sorted Source Nodes: [transpose_67, hidden_states_308, linear_367], Original ATen: [aten.transpose, aten.view, aten.t, aten.mm]
        extern_kernels.mm(reinterpret_tensor(buf917, (128, 32), (32, 1), 0), reinterpret_tensor(arg788_1, (32, 8), (1, 32), 0), out=buf920)
        del arg788_1
        assert_size_stride(arg789_1, (32, 8), (8, 1), 'input')
        buf921 = reinterpret_tensor(buf915, (128, 32), (32, 1), 0); del buf915  # reuse
        # Topologically Sorted Source Nodes: [linear_368], Original ATen: [aten.t, aten.mm]
        extern_kernels.mm(buf920, reinterpret_tensor(arg789_1, (8, 32), (1, 8), 0), out=buf921)
        del arg789_1
        assert_size_stride(arg791_1, (8, 32), (32, 1), 'input')
        buf922 = buf920; del buf920  # reuse
        # Topologically Sorted Source Nodes: [transpose_67, hidden_states_308, linear_369], Original ATen: [aten.transpose, aten.view, aten.t, aten.mm]
        extern_kernels.mm(reinterpret_tensor(buf917, (128, 32), (32, 1), 0), reinterpret_tensor(arg791_1, (32, 8), (1, 32), 0), out=buf922)
        del arg791_1
        assert_size_stride(arg792_1, (32, 8), (8, 1), 'input')
        buf923 = reinterpret_tensor(buf914, (128, 32), (32, 1), 0); del buf914  # reuse
        # Topologically Sorted Source Nodes: [linear_370], Original ATen: [aten.t, aten.mm]
        extern_kernels.mm(buf922, reinterpret_tensor(arg792_1, (8, 32), (1, 8), 0), out=buf923)
        del arg792_1
        assert_size_stride(arg787_1, (32, ), (1, ), 'input')
        assert_size_stride(arg786_1, (32, 32), (32, 1), 'input')
        buf919 = reinterpret_tensor(buf913, (128, 32), (32, 1), 0); del buf913  # reuse
        # Topologically Sorted Source Nodes: [transpose_67, hidden_states_308, result_268], Original ATen: [aten.transpose, aten.view, aten.t, aten.addmm]
        extern_kernels.addmm(arg787_1, reinterpret_tensor(buf917, (128, 32), (32, 1), 0), reinterpret_tensor(arg786_1, (32, 32), (1, 32), 0), alpha=1, beta=1, out=buf919)
        del arg786_1
        del arg787_1
        assert_size_stride(arg790_1, (), (), 'input')
        assert_size_stride(arg793_1, (), (), 'input')
        buf924 = reinterpret_tensor(buf919, (2, 64, 32), (2048, 32, 1), 0); del buf919  # reuse
        assert_size_stride(arg794_1, (32, ), (1, ), 'input')
        assert_size_stride(arg795_1, (32, ), (1, ), 'input')
        buf925 = buf896; del buf896  # reuse
        buf926 = buf925; del buf925  # reuse
        buf927 = buf895; del buf895  # reuse
        buf928 = reinterpret_tensor(buf917, (2, 64, 32), (2048, 32, 1), 0); del buf917  # reuse
        assert_size_stride(arg797_1, (8, 32), (32, 1), 'input')
        cpp_fused__unsafe_view_add_div_mul_native_layer_norm_permute_view_9(buf924, buf926, buf921, arg790_1, buf923, arg793_1, buf893, arg794_1, arg795_1, buf927, buf928)
        del arg790_1
        del arg793_1
        del arg794_1
        del arg795_1
        buf930 = buf922; del buf922  # reuse
        # Topologically Sorted Source Nodes: [linear_372], Original ATen: [aten.view, aten.t, aten.mm]
        extern_kernels.mm(reinterpret_tensor(buf928, (128, 32), (32, 1), 0), reinterpret_tensor(arg797_1, (32, 8), (1, 32), 0), out=buf930)
        del arg797_1
        assert_size_stride(arg798_1, (32, 8), (8, 1), 'input')
        buf931 = buf923; del buf923  # reuse
        # Topologically Sorted Source Nodes: [linear_373], Original ATen: [aten.t, aten.mm]
        extern_kernels.mm(buf930, reinterpret_tensor(arg798_1, (8, 32), (1, 8), 0), out=buf931)
        del arg798_1
        assert_size_stride(arg800_1, (8, 32), (32, 1), 'input')
        buf932 = buf930; del buf930  # reuse
        # Topologically Sorted Source Nodes: [linear_374], Original ATen: [aten.view, aten.t, aten.mm]
        extern_kernels.mm(reinterpret_tensor(buf928, (128, 32), (32, 1), 0), reinterpret_tensor(arg800_1, (32, 8), (1, 32), 0), out=buf932)
        del arg800_1
        assert_size_stride(arg801_1, (32, 8), (8, 1), 'input')
        buf933 = buf921; del buf921  # reuse
        # Topologically Sorted Source Nodes: [linear_375], Original ATen: [aten.t, aten.mm]
        extern_kernels.mm(buf932, reinterpret_tensor(arg801_1, (8, 32), (1, 8), 0), out=buf933)
        del arg801_1
        assert_size_stride(arg796_1, (32, 32), (32, 1), 'input')
        buf929 = reinterpret_tensor(buf893, (128, 32), (32, 1), 0); del buf893  # reuse
        # Topologically Sorted Source Nodes: [result_272], Original ATen: [aten.view, aten.t, aten.mm]
        extern_kernels.mm(reinterpret_tensor(buf928, (128, 32), (32, 1), 0), reinterpret_tensor(arg796_1, (32, 32), (1, 32), 0), out=buf929)
        del arg796_1
        del buf928
        assert_size_stride(arg799_1, (), (), 'input')
        assert_size_stride(arg802_1, (), (), 'input')
        buf944 = reinterpret_tensor(buf929, (2, 8, 64, 4), (2048, 4, 32, 1), 0); del buf929  # reuse
        assert_size_stride(arg803_1, (32, 32), (32, 1), 'input')
        cpp_fused__scaled_dot_product_flash_attention_for_cpu__unsafe_view_add_mul_transpose_view_8(buf944, buf931, arg799_1, buf933, arg802_1)
        del arg799_1
        del arg802_1
        del buf931
        buf934 = empty_strided_cpu((154, 32), (32, 1), torch.float32)
        # Topologically Sorted Source Nodes: [result_276], Original ATen: [aten.view, aten.t, aten.mm]
        extern_kernels.mm(reinterpret_tensor(arg55_1, (154, 32), (32, 1), 0), reinterpret_tensor(arg803_1, (32, 32), (1, 32), 0), out=buf934)
        del arg803_1
        assert_size_stride(arg804_1, (8, 32), (32, 1), 'input')
        buf935 = empty_strided_cpu((154, 8), (8, 1), torch.float32)
        # Topologically Sorted Source Nodes: [linear_377], Original ATen: [aten.view, aten.t, aten.mm]
        extern_kernels.mm(reinterpret_tensor(arg55_1, (154, 32), (32, 1), 0), reinterpret_tensor(arg804_1, (32, 8), (1, 32), 0), out=buf935)
        del arg804_1
        assert_size_stride(arg805_1, (32, 8), (8, 1), 'input')
        buf936 = empty_strided_cpu((154, 32), (32, 1), torch.float32)
        # Topologically Sorted Source Nodes: [linear_378], Original ATen: [aten.t, aten.mm]
        extern_kernels.mm(buf935, reinterpret_tensor(arg805_1, (8, 32), (1, 8), 0), out=buf936)
        del arg805_1
        assert_size_stride(arg807_1, (8, 32), (32, 1), 'input')
        buf937 = buf935; del buf935  # reuse
        # Topologically Sorted Source Nodes: [linear_379], Original ATen: [aten.view, aten.t, aten.mm]
        extern_kernels.mm(reinterpret_tensor(arg55_1, (154, 32), (32, 1), 0), reinterpret_tensor(arg807_1, (32, 8), (1, 32), 0), out=buf937)
        del arg807_1
        assert_size_stride(arg808_1, (32, 8), (8, 1), 'input')
        buf938 = empty_strided_cpu((154, 32), (32, 1), torch.float32)
        # Topologically Sorted Source Nodes: [linear_380], Original ATen: [aten.t, aten.mm]
        extern_kernels.mm(buf937, reinterpret_tensor(arg808_1, (8, 32), (1, 8), 0), out=buf938)
        del arg808_1
        assert_size_stride(arg806_1, (), (), 'input')
        assert_size_stride(arg809_1, (), (), 'input')
        buf945 = reinterpret_tensor(buf934, (2, 8, 77, 4), (2464, 4, 32, 1), 0); del buf934  # reuse
        assert_size_stride(arg810_1, (32, 32), (32, 1), 'input')
        cpp_fused__scaled_dot_product_flash_attention_for_cpu__unsafe_view_add_mul_transpose_view_10(buf945, buf936, arg806_1, buf938, arg809_1)
        del arg806_1
        del arg809_1
        buf939 = buf938; del buf938  # reuse
        # Topologically Sorted Source Nodes: [result_280], Original ATen: [aten.view, aten.t, aten.mm]
        extern_kernels.mm(reinterpret_tensor(arg55_1, (154, 32), (32, 1), 0), reinterpret_tensor(arg810_1, (32, 32), (1, 32), 0), out=buf939)
        del arg810_1
        assert_size_stride(arg811_1, (8, 32), (32, 1), 'input')
        buf940 = buf937; del buf937  # reuse
        # Topologically Sorted Source Nodes: [linear_382], Original ATen: [aten.view, aten.t, aten.mm]
        extern_kernels.mm(reinterpret_tensor(arg55_1, (154, 32), (32, 1), 0), reinterpret_tensor(arg811_1, (32, 8), (1, 32), 0), out=buf940)
        del arg811_1
        assert_size_stride(arg812_1, (32, 8), (8, 1), 'input')
        buf941 = buf936; del buf936  # reuse
        # Topologically Sorted Source Nodes: [linear_383], Original ATen: [aten.t, aten.mm]
        extern_kernels.mm(buf940, reinterpret_tensor(arg812_1, (8, 32), (1, 8), 0), out=buf941)
        del arg812_1
        assert_size_stride(arg814_1, (8, 32), (32, 1), 'input')
        buf942 = buf940; del buf940  # reuse
        # Topologically Sorted Source Nodes: [linear_384], Original ATen: [aten.view, aten.t, aten.mm]
        extern_kernels.mm(reinterpret_tensor(arg55_1, (154, 32), (32, 1), 0), reinterpret_tensor(arg814_1, (32, 8), (1, 32), 0), out=buf942)
        del arg814_1
        assert_size_stride(arg815_1, (32, 8), (8, 1), 'input')
        buf943 = empty_strided_cpu((154, 32), (32, 1), torch.float32)
        # Topologically Sorted Source Nodes: [linear_385], Original ATen: [aten.t, aten.mm]
        extern_kernels.mm(buf942, reinterpret_tensor(arg815_1, (8, 32), (1, 8), 0), out=buf943)
        del arg815_1
        del buf942
        assert_size_stride(arg813_1, (), (), 'input')
        assert_size_stride(arg816_1, (), (), 'input')
        buf946 = reinterpret_tensor(buf939, (2, 8, 77, 4), (2464, 4, 32, 1), 0); del buf939  # reuse
        cpp_fused__scaled_dot_product_flash_attention_for_cpu__unsafe_view_add_mul_transpose_view_10(buf946, buf941, arg813_1, buf943, arg816_1)
        del arg813_1
        del arg816_1
        del buf941
        del buf943
        # Topologically Sorted Source Nodes: [result_272, linear_373, mul_147, result_273, linear_375, mul_148, result_274, view_51, query_17, result_276, linear_378, mul_149, result_277, linear_380, mul_150, result_278, view_52, key_17, result_280, linear_383, mul_151, result_281, linear_385, mul_152, result_282, view_53, value_17, hidden_states_313], Original ATen: [aten._unsafe_view, aten.mul, aten.add, aten.view, aten.transpose, aten._scaled_dot_product_flash_attention_for_cpu]
        buf947 = torch.ops.aten._scaled_dot_product_flash_attention_for_cpu.default(buf944, buf945, buf946)
        del buf945
        del buf946
        buf948 = buf947[0]
        assert_size_stride(buf948, (2, 8, 64, 4), (2048, 4, 32, 1), 'torch.ops.aten._scaled_dot_product_flash_attention_for_cpu.default')
        assert_alignment(buf948, 16, 'torch.ops.aten._scaled_dot_product_flash_attention_for_cpu.default')
        del buf947
        buf975 = buf19; del buf19  # reuse
        assert_size_stride(arg838_1, (32, ), (1, ), 'input')
        assert_size_stride(arg837_1, (32, 128), (128, 1), 'input')
        cpp_fused_silu_2(buf975)
        buf976 = reinterpret_tensor(buf891, (2, 32), (32, 1), 0); del buf891  # reuse
        # Topologically Sorted Source Nodes: [temb_26, linear_393], Original ATen: [aten.silu, aten.t, aten.addmm]
        extern_kernels.addmm(arg838_1, buf975, reinterpret_tensor(arg837_1, (128, 32), (1, 128), 0), alpha=1, beta=1, out=buf976)
        del arg837_1
        del arg838_1
        del buf975
        buf967 = buf866; del buf866  # reuse
        buf966 = reinterpret_tensor(buf967, (2, 32, 8, 8), (4096, 1, 512, 64), 32)  # alias
        assert_size_stride(arg819_1, (8, 32), (32, 1), 'input')
        cpp_fused_add_cat_div_57(buf1, buf966)
        buf951 = buf932; del buf932  # reuse
        # Topologically Sorted Source Nodes: [transpose_71, hidden_states_314, linear_387], Original ATen: [aten.transpose, aten.view, aten.t, aten.mm]
        extern_kernels.mm(reinterpret_tensor(buf948, (128, 32), (32, 1), 0), reinterpret_tensor(arg819_1, (32, 8), (1, 32), 0), out=buf951)
        del arg819_1
        assert_size_stride(arg820_1, (32, 8), (8, 1), 'input')
        buf952 = reinterpret_tensor(buf1, (128, 32), (32, 1), 0); del buf1  # reuse
        # Topologically Sorted Source Nodes: [linear_388], Original ATen: [aten.t, aten.mm]
        extern_kernels.mm(buf951, reinterpret_tensor(arg820_1, (8, 32), (1, 8), 0), out=buf952)
        del arg820_1
        assert_size_stride(arg822_1, (8, 32), (32, 1), 'input')
        buf953 = buf951; del buf951  # reuse
        # Topologically Sorted Source Nodes: [transpose_71, hidden_states_314, linear_389], Original ATen: [aten.transpose, aten.view, aten.t, aten.mm]
        extern_kernels.mm(reinterpret_tensor(buf948, (128, 32), (32, 1), 0), reinterpret_tensor(arg822_1, (32, 8), (1, 32), 0), out=buf953)
        del arg822_1
        assert_size_stride(arg823_1, (32, 8), (8, 1), 'input')
        buf954 = reinterpret_tensor(buf944, (128, 32), (32, 1), 0); del buf944  # reuse
        # Topologically Sorted Source Nodes: [linear_390], Original ATen: [aten.t, aten.mm]
        extern_kernels.mm(buf953, reinterpret_tensor(arg823_1, (8, 32), (1, 8), 0), out=buf954)
        del arg823_1
        del buf953
        assert_size_stride(arg818_1, (32, ), (1, ), 'input')
        assert_size_stride(arg817_1, (32, 32), (32, 1), 'input')
        buf950 = buf933; del buf933  # reuse
        # Topologically Sorted Source Nodes: [transpose_71, hidden_states_314, result_284], Original ATen: [aten.transpose, aten.view, aten.t, aten.addmm]
        extern_kernels.addmm(arg818_1, reinterpret_tensor(buf948, (128, 32), (32, 1), 0), reinterpret_tensor(arg817_1, (32, 32), (1, 32), 0), alpha=1, beta=1, out=buf950)
        del arg817_1
        del arg818_1
        assert_size_stride(arg821_1, (), (), 'input')
        assert_size_stride(arg824_1, (), (), 'input')
        buf955 = reinterpret_tensor(buf950, (2, 64, 32), (2048, 32, 1), 0); del buf950  # reuse
        assert_size_stride(arg825_1, (32, ), (1, ), 'input')
        assert_size_stride(arg826_1, (32, ), (1, ), 'input')
        buf956 = buf927; del buf927  # reuse
        buf957 = buf956; del buf956  # reuse
        buf958 = buf926; del buf926  # reuse
        buf959 = reinterpret_tensor(buf948, (2, 64, 32), (2048, 32, 1), 0); del buf948  # reuse
        assert_size_stride(arg828_1, (256, ), (1, ), 'input')
        assert_size_stride(arg827_1, (256, 32), (32, 1), 'input')
        cpp_fused__unsafe_view_add_div_mul_native_layer_norm_permute_view_9(buf955, buf957, buf952, arg821_1, buf954, arg824_1, buf924, arg825_1, arg826_1, buf958, buf959)
        del arg821_1
        del arg824_1
        del arg825_1
        del arg826_1
        del buf924
        del buf952
        del buf954
        buf960 = empty_strided_cpu((128, 256), (256, 1), torch.float32)
        # Topologically Sorted Source Nodes: [norm_hidden_states_26, hidden_states_319], Original ATen: [aten.native_layer_norm, aten.view, aten.t, aten.addmm]
        extern_kernels.addmm(arg828_1, reinterpret_tensor(buf959, (128, 32), (32, 1), 0), reinterpret_tensor(arg827_1, (32, 256), (1, 32), 0), alpha=1, beta=1, out=buf960)
        del arg827_1
        del arg828_1
        del buf959
        buf961 = empty_strided_cpu((2, 64, 128), (8192, 128, 1), torch.float32)
        assert_size_stride(arg830_1, (32, ), (1, ), 'input')
        assert_size_stride(arg829_1, (32, 128), (128, 1), 'input')
        cpp_fused_gelu_mul_split_view_11(buf960, buf961)
        del buf960
        buf962 = empty_strided_cpu((128, 32), (32, 1), torch.float32)
        # Topologically Sorted Source Nodes: [hidden_states_319, chunk_8, gelu_8, hidden_states_321, hidden_states_323], Original ATen: [aten.view, aten.split, aten.gelu, aten.mul, aten.t, aten.addmm]
        extern_kernels.addmm(arg830_1, reinterpret_tensor(buf961, (128, 128), (128, 1), 0), reinterpret_tensor(arg829_1, (128, 32), (1, 128), 0), alpha=1, beta=1, out=buf962)
        del arg829_1
        del arg830_1
        buf963 = reinterpret_tensor(buf962, (2, 32, 8, 8), (2048, 1, 256, 32), 0); del buf962  # reuse
        assert_size_stride(arg831_1, (32, 32, 1, 1), (32, 1, 32, 32), 'input')
        assert_size_stride(arg832_1, (32, ), (1, ), 'input')
        cpp_fused_add_clone_permute_view_12(buf963, buf955)
        # Topologically Sorted Source Nodes: [hidden_states_323, hidden_states_324, reshape_35, permute_17, hidden_states_325, hidden_states_326], Original ATen: [aten.view, aten.add, aten.permute, aten.clone, aten.convolution]
        buf964 = extern_kernels.convolution(buf963, arg831_1, arg832_1, stride=(1, 1), padding=(0, 0), dilation=(1, 1), transposed=False, output_padding=(0, 0), groups=1)
        assert_size_stride(buf964, (2, 32, 8, 8), (2048, 1, 256, 32), 'torch.ops.aten.convolution.default')
        del arg831_1
        del arg832_1
        buf965 = reinterpret_tensor(buf967, (2, 32, 8, 8), (4096, 1, 512, 64), 0)  # alias
        buf968 = buf889; del buf889  # reuse
        buf969 = buf968; del buf968  # reuse
        assert_size_stride(arg833_1, (64, ), (1, ), 'input')
        assert_size_stride(arg834_1, (64, ), (1, ), 'input')
        buf970 = buf888; del buf888  # reuse
        buf971 = reinterpret_tensor(buf958, (2, 8, 8, 1), (64, 8, 1, 1), 0); del buf958  # reuse
        buf972 = reinterpret_tensor(buf957, (2, 8, 8, 1), (64, 8, 1, 1), 0); del buf957  # reuse
        buf973 = empty_strided_cpu((2, 64, 8, 8), (4096, 1, 512, 64), torch.float32)
        assert_size_stride(arg835_1, (32, 64, 3, 3), (576, 1, 192, 64), 'input')
        assert_size_stride(arg836_1, (32, ), (1, ), 'input')
        cpp_fused_add_div_native_group_norm_silu_58(buf969, buf964, buf882, buf886, buf967, arg833_1, arg834_1, buf965, buf970, buf971, buf972, buf973)
        del arg833_1
        del arg834_1
        del buf965
        del buf966
        # Topologically Sorted Source Nodes: [hidden_states_328, hidden_states_329, hidden_states_330], Original ATen: [aten.native_group_norm, aten.silu, aten.convolution]
        buf974 = extern_kernels.convolution(buf973, arg835_1, arg836_1, stride=(1, 1), padding=(1, 1), dilation=(1, 1), transposed=False, output_padding=(0, 0), groups=1)
        assert_size_stride(buf974, (2, 32, 8, 8), (2048, 1, 256, 32), 'torch.ops.aten.convolution.default')
        del arg835_1
        del arg836_1
        del buf973
        buf977 = buf970; del buf970  # reuse
        buf978 = buf977; del buf977  # reuse
        assert_size_stride(arg839_1, (32, ), (1, ), 'input')
        assert_size_stride(arg840_1, (32, ), (1, ), 'input')
        buf979 = buf969; del buf969  # reuse
        buf981 = buf890; del buf890  # reuse
        buf982 = reinterpret_tensor(buf878, (2, 8, 4, 1), (32, 4, 1, 1), 0); del buf878  # reuse
        buf983 = buf974; del buf974  # reuse
        assert_size_stride(arg841_1, (32, 32, 3, 3), (288, 1, 96, 32), 'input')
        assert_size_stride(arg842_1, (32, ), (1, ), 'input')
        cpp_fused_add_native_group_norm_silu_unsqueeze_5(buf978, buf983, buf976, arg839_1, arg840_1, buf979, buf981, buf982)
        del arg839_1
        del arg840_1
        del buf976
        # Topologically Sorted Source Nodes: [temb_27, hidden_states_331, hidden_states_332, hidden_states_333, hidden_states_335], Original ATen: [aten.unsqueeze, aten.add, aten.native_group_norm, aten.silu, aten.convolution]
        buf984 = extern_kernels.convolution(buf983, arg841_1, arg842_1, stride=(1, 1), padding=(1, 1), dilation=(1, 1), transposed=False, output_padding=(0, 0), groups=1)
        assert_size_stride(buf984, (2, 32, 8, 8), (2048, 1, 256, 32), 'torch.ops.aten.convolution.default')
        del arg841_1
        del arg842_1
        assert_size_stride(arg843_1, (32, 64, 1, 1), (64, 1, 64, 64), 'input')
        assert_size_stride(arg844_1, (32, ), (1, ), 'input')
        # Topologically Sorted Source Nodes: [input_tensor_8], Original ATen: [aten.convolution]
        buf980 = extern_kernels.convolution(buf967, arg843_1, arg844_1, stride=(1, 1), padding=(0, 0), dilation=(1, 1), transposed=False, output_padding=(0, 0), groups=1)
        assert_size_stride(buf980, (2, 32, 8, 8), (2048, 1, 256, 32), 'torch.ops.aten.convolution.default')
        del arg843_1
        del arg844_1
        del buf967
        buf985 = buf979; del buf979  # reuse
        buf986 = buf985; del buf985  # reuse
        assert_size_stride(arg845_1, (32, ), (1, ), 'input')
        assert_size_stride(arg846_1, (32, ), (1, ), 'input')
        buf987 = buf978; del buf978  # reuse
        buf988 = buf982; del buf982  # reuse
        buf989 = buf981; del buf981  # reuse
        buf990 = buf983; del buf983  # reuse
        assert_size_stride(arg847_1, (32, 32, 1, 1), (32, 1, 32, 32), 'input')
        assert_size_stride(arg848_1, (32, ), (1, ), 'input')
        cpp_fused_add_div_native_group_norm_6(buf986, buf980, buf984, arg845_1, arg846_1, buf987, buf988, buf989, buf990)
        del arg845_1
        del arg846_1
        del buf988
        del buf989
        # Topologically Sorted Source Nodes: [add_207, output_tensor_13, hidden_states_336, hidden_states_337], Original ATen: [aten.add, aten.div, aten.native_group_norm, aten.convolution]
        buf991 = extern_kernels.convolution(buf990, arg847_1, arg848_1, stride=(1, 1), padding=(0, 0), dilation=(1, 1), transposed=False, output_padding=(0, 0), groups=1)
        assert_size_stride(buf991, (2, 32, 8, 8), (2048, 1, 256, 32), 'torch.ops.aten.convolution.default')
        del arg847_1
        del arg848_1
        assert_size_stride(arg849_1, (32, ), (1, ), 'input')
        assert_size_stride(arg850_1, (32, ), (1, ), 'input')
        buf992 = reinterpret_tensor(buf972, (2, 64, 1), (64, 1, 128), 0); del buf972  # reuse
        buf993 = buf992; del buf992  # reuse
        buf994 = reinterpret_tensor(buf971, (2, 64, 1), (64, 1, 128), 0); del buf971  # reuse
        buf995 = reinterpret_tensor(buf990, (2, 64, 32), (2048, 32, 1), 0); del buf990  # reuse
        assert_size_stride(arg852_1, (8, 32), (32, 1), 'input')
        cpp_fused_native_layer_norm_permute_view_7(buf993, buf991, arg849_1, arg850_1, buf994, buf995)
        del arg849_1
        del arg850_1
        buf997 = empty_strided_cpu((128, 8), (8, 1), torch.float32)
        # Topologically Sorted Source Nodes: [linear_395], Original ATen: [aten.view, aten.t, aten.mm]
        extern_kernels.mm(reinterpret_tensor(buf995, (128, 32), (32, 1), 0), reinterpret_tensor(arg852_1, (32, 8), (1, 32), 0), out=buf997)
        del arg852_1
        assert_size_stride(arg853_1, (32, 8), (8, 1), 'input')
        buf998 = reinterpret_tensor(buf964, (128, 32), (32, 1), 0); del buf964  # reuse
        # Topologically Sorted Source Nodes: [linear_396], Original ATen: [aten.t, aten.mm]
        extern_kernels.mm(buf997, reinterpret_tensor(arg853_1, (8, 32), (1, 8), 0), out=buf998)
        del arg853_1
        assert_size_stride(arg855_1, (8, 32), (32, 1), 'input')
        buf999 = buf997; del buf997  # reuse
        # Topologically Sorted Source Nodes: [linear_397], Original ATen: [aten.view, aten.t, aten.mm]
        extern_kernels.mm(reinterpret_tensor(buf995, (128, 32), (32, 1), 0), reinterpret_tensor(arg855_1, (32, 8), (1, 32), 0), out=buf999)
        del arg855_1
        assert_size_stride(arg856_1, (32, 8), (8, 1), 'input')
        buf1000 = reinterpret_tensor(buf886, (128, 32), (32, 1), 0); del buf886  # reuse
        # Topologically Sorted Source Nodes: [linear_398], Original ATen: [aten.t, aten.mm]
        extern_kernels.mm(buf999, reinterpret_tensor(arg856_1, (8, 32), (1, 8), 0), out=buf1000)
        del arg856_1
        assert_size_stride(arg851_1, (32, 32), (32, 1), 'input')
        buf996 = reinterpret_tensor(buf882, (128, 32), (32, 1), 0); del buf882  # reuse
        # Topologically Sorted Source Nodes: [result_288], Original ATen: [aten.view, aten.t, aten.mm]
        extern_kernels.mm(reinterpret_tensor(buf995, (128, 32), (32, 1), 0), reinterpret_tensor(arg851_1, (32, 32), (1, 32), 0), out=buf996)
        del arg851_1
        assert_size_stride(arg854_1, (), (), 'input')
        assert_size_stride(arg857_1, (), (), 'input')
        buf1011 = reinterpret_tensor(buf996, (2, 8, 64, 4), (2048, 4, 32, 1), 0); del buf996  # reuse
        assert_size_stride(arg859_1, (8, 32), (32, 1), 'input')
        cpp_fused__scaled_dot_product_flash_attention_for_cpu__unsafe_view_add_mul_transpose_view_8(buf1011, buf998, arg854_1, buf1000, arg857_1)
        del arg854_1
        del arg857_1
        buf1002 = buf999; del buf999  # reuse
        # Topologically Sorted Source Nodes: [linear_400], Original ATen: [aten.view, aten.t, aten.mm]
        extern_kernels.mm(reinterpret_tensor(buf995, (128, 32), (32, 1), 0), reinterpret_tensor(arg859_1, (32, 8), (1, 32), 0), out=buf1002)
        del arg859_1
        assert_size_stride(arg860_1, (32, 8), (8, 1), 'input')
        buf1003 = buf998; del buf998  # reuse
        # Topologically Sorted Source Nodes: [linear_401], Original ATen: [aten.t, aten.mm]
        extern_kernels.mm(buf1002, reinterpret_tensor(arg860_1, (8, 32), (1, 8), 0), out=buf1003)
        del arg860_1
        assert_size_stride(arg862_1, (8, 32), (32, 1), 'input')
        buf1004 = buf1002; del buf1002  # reuse
        # Topologically Sorted Source Nodes: [linear_402], Original ATen: [aten.view, aten.t, aten.mm]
        extern_kernels.mm(reinterpret_tensor(buf995, (128, 32), (32, 1), 0), reinterpret_tensor(arg862_1, (32, 8), (1, 32), 0), out=buf1004)
        del arg862_1
        assert_size_stride(arg863_1, (32, 8), (8, 1), 'input')
        buf1005 = buf1000; del buf1000  # reuse
        # Topologically Sorted Source Nodes: [linear_403], Original ATen: [aten.t, aten.mm]
        extern_kernels.mm(buf1004, reinterpret_tensor(arg863_1, (8, 32), (1, 8), 0), out=buf1005)
        del arg863_1
        assert_size_stride(arg858_1, (32, 32), (32, 1), 'input')
        buf1001 = reinterpret_tensor(buf963, (128, 32), (32, 1), 0); del buf963  # reuse
        # Topologically Sorted Source Nodes: [result_292], Original ATen: [aten.view, aten.t, aten.mm]
        extern_kernels.mm(reinterpret_tensor(buf995, (128, 32), (32, 1), 0), reinterpret_tensor(arg858_1, (32, 32), (1, 32), 0), out=buf1001)
        del arg858_1
        assert_size_stride(arg861_1, (), (), 'input')
        assert_size_stride(arg864_1, (), (), 'input')
        buf1012 = reinterpret_tensor(buf1001, (2, 8, 64, 4), (2048, 4, 32, 1), 0); del buf1001  # reuse
        assert_size_stride(arg866_1, (8, 32), (32, 1), 'input')
        cpp_fused__scaled_dot_product_flash_attention_for_cpu__unsafe_view_add_mul_transpose_view_8(buf1012, buf1003, arg861_1, buf1005, arg864_1)
        del arg861_1
        del arg864_1
        buf1007 = buf1004; del buf1004  # reuse
        # Topologically Sorted Source Nodes: [linear_405], Original ATen: [aten.view, aten.t, aten.mm]
        extern_kernels.mm(reinterpret_tensor(buf995, (128, 32), (32, 1), 0), reinterpret_tensor(arg866_1, (32, 8), (1, 32), 0), out=buf1007)
        del arg866_1
        assert_size_stride(arg867_1, (32, 8), (8, 1), 'input')
        buf1008 = buf1005; del buf1005  # reuse
        # Topologically Sorted Source Nodes: [linear_406], Original ATen: [aten.t, aten.mm]
        extern_kernels.mm(buf1007, reinterpret_tensor(arg867_1, (8, 32), (1, 8), 0), out=buf1008)
        del arg867_1
        assert_size_stride(arg869_1, (8, 32), (32, 1), 'input')
        buf1009 = buf1007; del buf1007  # reuse
        # Topologically Sorted Source Nodes: [linear_407], Original ATen: [aten.view, aten.t, aten.mm]
        extern_kernels.mm(reinterpret_tensor(buf995, (128, 32), (32, 1), 0), reinterpret_tensor(arg869_1, (32, 8), (1, 32), 0), out=buf1009)
        del arg869_1
        assert_size_stride(arg870_1, (32, 8), (8, 1), 'input')
        buf1010 = buf1003; del buf1003  # reuse
        # Topologically Sorted Source Nodes: [linear_408], Original ATen: [aten.t, aten.mm]
        extern_kernels.mm(buf1009, reinterpret_tensor(arg870_1, (8, 32), (1, 8), 0), out=buf1010)
        del arg870_1
        assert_size_stride(arg865_1, (32, 32), (32, 1), 'input')
        buf1006 = reinterpret_tensor(buf955, (128, 32), (32, 1), 0); del buf955  # reuse
        # Topologically Sorted Source Nodes: [result_296], Original ATen: [aten.view, aten.t, aten.mm]
        extern_kernels.mm(reinterpret_tensor(buf995, (128, 32), (32, 1), 0), reinterpret_tensor(arg865_1, (32, 32), (1, 32), 0), out=buf1006)
        del arg865_1
        del buf995
        assert_size_stride(arg868_1, (), (), 'input')
        assert_size_stride(arg871_1, (), (), 'input')
        buf1013 = reinterpret_tensor(buf1006, (2, 8, 64, 4), (2048, 4, 32, 1), 0); del buf1006  # reuse
        cpp_fused__scaled_dot_product_flash_attention_for_cpu__unsafe_view_add_mul_transpose_view_8(buf1013, buf1008, arg868_1, buf1010, arg871_1)
        del arg868_1
        del arg871_1
        del buf1008
        del buf1010
        # Topologically Sorted Source Nodes: [result_288, linear_396, mul_156, result_289, linear_398, mul_157, result_290, view_54, query_18, result_292, linear_401, mul_158, result_293, linear_403, mul_159, result_294, view_55, key_18, result_296, linear_406, mul_160, result_297, linear_408, mul_161, result_298, view_56, value_18, hidden_states_339], Original ATen: [aten._unsafe_view, aten.mul, aten.add, aten.view, aten.transpose, aten._scaled_dot_product_flash_attention_for_cpu]
        buf1014 = torch.ops.aten._scaled_dot_product_flash_attention_for_cpu.default(buf1011, buf1012, buf1013)
        buf1015 = buf1014[0]
        assert_size_stride(buf1015, (2, 8, 64, 4), (2048, 4, 32, 1), 'torch.ops.aten._scaled_dot_product_flash_attention_for_cpu.default')
        assert_alignment(buf1015, 16, 'torch.ops.aten._scaled_dot_product_flash_attention_for_cpu.default')
        del buf1014
        assert_size_stride(arg874_1, (8, 32), (32, 1), 'input')
        buf1018 = buf1009; del buf1009  # reuse
        # Topologically Sorted Source Nodes: [transpose_75, hidden_states_340, linear_410], Original ATen: [aten.transpose, aten.view, aten.t, aten.mm]
        extern_kernels.mm(reinterpret_tensor(buf1015, (128, 32), (32, 1), 0), reinterpret_tensor(arg874_1, (32, 8), (1, 32), 0), out=buf1018)
        del arg874_1
        assert_size_stride(arg875_1, (32, 8), (8, 1), 'input')
        buf1019 = reinterpret_tensor(buf1013, (128, 32), (32, 1), 0); del buf1013  # reuse
        # Topologically Sorted Source Nodes: [linear_411], Original ATen: [aten.t, aten.mm]
        extern_kernels.mm(buf1018, reinterpret_tensor(arg875_1, (8, 32), (1, 8), 0), out=buf1019)
        del arg875_1
        assert_size_stride(arg877_1, (8, 32), (32, 1), 'input')
        buf1020 = buf1018; del buf1018  # reuse
        # Topologically Sorted Source Nodes: [transpose_75, hidden_states_340, linear_412], Original ATen: [aten.transpose, aten.view, aten.t, aten.mm]
        extern_kernels.mm(reinterpret_tensor(buf1015, (128, 32), (32, 1), 0), reinterpret_tensor(arg877_1, (32, 8), (1, 32), 0), out=buf1020)
        del arg877_1
        assert_size_stride(arg878_1, (32, 8), (8, 1), 'input')
        buf1021 = reinterpret_tensor(buf1012, (128, 32), (32, 1), 0); del buf1012  # reuse
        # Topologically Sorted Source Nodes: [linear_413], Original ATen: [aten.t, aten.mm]
        extern_kernels.mm(buf1020, reinterpret_tensor(arg878_1, (8, 32), (1, 8), 0), out=buf1021)
        del arg878_1
        assert_size_stride(arg873_1, (32, ), (1, ), 'input')
        assert_size_stride(arg872_1, (32, 32), (32, 1), 'input')
        buf1017 = reinterpret_tensor(buf1011, (128, 32), (32, 1), 0); del buf1011  # reuse
        # Topologically Sorted Source Nodes: [transpose_75, hidden_states_340, result_300], Original ATen: [aten.transpose, aten.view, aten.t, aten.addmm]
        extern_kernels.addmm(arg873_1, reinterpret_tensor(buf1015, (128, 32), (32, 1), 0), reinterpret_tensor(arg872_1, (32, 32), (1, 32), 0), alpha=1, beta=1, out=buf1017)
        del arg872_1
        del arg873_1
        assert_size_stride(arg876_1, (), (), 'input')
        assert_size_stride(arg879_1, (), (), 'input')
        buf1022 = reinterpret_tensor(buf1017, (2, 64, 32), (2048, 32, 1), 0); del buf1017  # reuse
        assert_size_stride(arg880_1, (32, ), (1, ), 'input')
        assert_size_stride(arg881_1, (32, ), (1, ), 'input')
        buf1023 = buf994; del buf994  # reuse
        buf1024 = buf1023; del buf1023  # reuse
        buf1025 = buf993; del buf993  # reuse
        buf1026 = reinterpret_tensor(buf1015, (2, 64, 32), (2048, 32, 1), 0); del buf1015  # reuse
        assert_size_stride(arg883_1, (8, 32), (32, 1), 'input')
        cpp_fused__unsafe_view_add_div_mul_native_layer_norm_permute_view_9(buf1022, buf1024, buf1019, arg876_1, buf1021, arg879_1, buf991, arg880_1, arg881_1, buf1025, buf1026)
        del arg876_1
        del arg879_1
        del arg880_1
        del arg881_1
        buf1028 = buf1020; del buf1020  # reuse
        # Topologically Sorted Source Nodes: [linear_415], Original ATen: [aten.view, aten.t, aten.mm]
        extern_kernels.mm(reinterpret_tensor(buf1026, (128, 32), (32, 1), 0), reinterpret_tensor(arg883_1, (32, 8), (1, 32), 0), out=buf1028)
        del arg883_1
        assert_size_stride(arg884_1, (32, 8), (8, 1), 'input')
        buf1029 = reinterpret_tensor(buf991, (128, 32), (32, 1), 0); del buf991  # reuse
        # Topologically Sorted Source Nodes: [linear_416], Original ATen: [aten.t, aten.mm]
        extern_kernels.mm(buf1028, reinterpret_tensor(arg884_1, (8, 32), (1, 8), 0), out=buf1029)
        del arg884_1
        assert_size_stride(arg886_1, (8, 32), (32, 1), 'input')
        buf1030 = buf1028; del buf1028  # reuse
        # Topologically Sorted Source Nodes: [linear_417], Original ATen: [aten.view, aten.t, aten.mm]
        extern_kernels.mm(reinterpret_tensor(buf1026, (128, 32), (32, 1), 0), reinterpret_tensor(arg886_1, (32, 8), (1, 32), 0), out=buf1030)
        del arg886_1
        assert_size_stride(arg887_1, (32, 8), (8, 1), 'input')
        buf1031 = buf1021; del buf1021  # reuse
        # Topologically Sorted Source Nodes: [linear_418], Original ATen: [aten.t, aten.mm]
        extern_kernels.mm(buf1030, reinterpret_tensor(arg887_1, (8, 32), (1, 8), 0), out=buf1031)
        del arg887_1
        assert_size_stride(arg882_1, (32, 32), (32, 1), 'input')
        buf1027 = buf1019; del buf1019  # reuse
        # Topologically Sorted Source Nodes: [result_304], Original ATen: [aten.view, aten.t, aten.mm]
        extern_kernels.mm(reinterpret_tensor(buf1026, (128, 32), (32, 1), 0), reinterpret_tensor(arg882_1, (32, 32), (1, 32), 0), out=buf1027)
        del arg882_1
        del buf1026
        assert_size_stride(arg885_1, (), (), 'input')
        assert_size_stride(arg888_1, (), (), 'input')
        buf1042 = reinterpret_tensor(buf1027, (2, 8, 64, 4), (2048, 4, 32, 1), 0); del buf1027  # reuse
        assert_size_stride(arg889_1, (32, 32), (32, 1), 'input')
        cpp_fused__scaled_dot_product_flash_attention_for_cpu__unsafe_view_add_mul_transpose_view_8(buf1042, buf1029, arg885_1, buf1031, arg888_1)
        del arg885_1
        del arg888_1
        buf1032 = empty_strided_cpu((154, 32), (32, 1), torch.float32)
        # Topologically Sorted Source Nodes: [result_308], Original ATen: [aten.view, aten.t, aten.mm]
        extern_kernels.mm(reinterpret_tensor(arg55_1, (154, 32), (32, 1), 0), reinterpret_tensor(arg889_1, (32, 32), (1, 32), 0), out=buf1032)
        del arg889_1
        assert_size_stride(arg890_1, (8, 32), (32, 1), 'input')
        buf1033 = empty_strided_cpu((154, 8), (8, 1), torch.float32)
        # Topologically Sorted Source Nodes: [linear_420], Original ATen: [aten.view, aten.t, aten.mm]
        extern_kernels.mm(reinterpret_tensor(arg55_1, (154, 32), (32, 1), 0), reinterpret_tensor(arg890_1, (32, 8), (1, 32), 0), out=buf1033)
        del arg890_1
        assert_size_stride(arg891_1, (32, 8), (8, 1), 'input')
        buf1034 = empty_strided_cpu((154, 32), (32, 1), torch.float32)
        # Topologically Sorted Source Nodes: [linear_421], Original ATen: [aten.t, aten.mm]
        extern_kernels.mm(buf1033, reinterpret_tensor(arg891_1, (8, 32), (1, 8), 0), out=buf1034)
        del arg891_1
        assert_size_stride(arg893_1, (8, 32), (32, 1), 'input')
        buf1035 = buf1033; del buf1033  # reuse
        # Topologically Sorted Source Nodes: [linear_422], Original ATen: [aten.view, aten.t, aten.mm]
        extern_kernels.mm(reinterpret_tensor(arg55_1, (154, 32), (32, 1), 0), reinterpret_tensor(arg893_1, (32, 8), (1, 32), 0), out=buf1035)
        del arg893_1
        assert_size_stride(arg894_1, (32, 8), (8, 1), 'input')
        buf1036 = empty_strided_cpu((154, 32), (32, 1), torch.float32)
        # Topologically Sorted Source Nodes: [linear_423], Original ATen: [aten.t, aten.mm]
        extern_kernels.mm(buf1035, reinterpret_tensor(arg894_1, (8, 32), (1, 8), 0), out=buf1036)
        del arg894_1
        assert_size_stride(arg892_1, (), (), 'input')
        assert_size_stride(arg895_1, (), (), 'input')
        buf1043 = reinterpret_tensor(buf1032, (2, 8, 77, 4), (2464, 4, 32, 1), 0); del buf1032  # reuse
        assert_size_stride(arg896_1, (32, 32), (32, 1), 'input')
        cpp_fused__scaled_dot_product_flash_attention_for_cpu__unsafe_view_add_mul_transpose_view_10(buf1043, buf1034, arg892_1, buf1036, arg895_1)
        del arg892_1
        del arg895_1
        buf1037 = buf1036; del buf1036  # reuse
        # Topologically Sorted Source Nodes: [result_312], Original ATen: [aten.view, aten.t, aten.mm]
        extern_kernels.mm(reinterpret_tensor(arg55_1, (154, 32), (32, 1), 0), reinterpret_tensor(arg896_1, (32, 32), (1, 32), 0), out=buf1037)
        del arg896_1
        assert_size_stride(arg897_1, (8, 32), (32, 1), 'input')
        buf1038 = buf1035; del buf1035  # reuse
        # Topologically Sorted Source Nodes: [linear_425], Original ATen: [aten.view, aten.t, aten.mm]
        extern_kernels.mm(reinterpret_tensor(arg55_1, (154, 32), (32, 1), 0), reinterpret_tensor(arg897_1, (32, 8), (1, 32), 0), out=buf1038)
        del arg897_1
        assert_size_stride(arg898_1, (32, 8), (8, 1), 'input')
        buf1039 = buf1034; del buf1034  # reuse
        # Topologically Sorted Source Nodes: [linear_426], Original ATen: [aten.t, aten.mm]
        extern_kernels.mm(buf1038, reinterpret_tensor(arg898_1, (8, 32), (1, 8), 0), out=buf1039)
        del arg898_1
        assert_size_stride(arg900_1, (8, 32), (32, 1), 'input')
        buf1040 = buf1038; del buf1038  # reuse
        # Topologically Sorted Source Nodes: [linear_427], Original ATen: [aten.view, aten.t, aten.mm]
        extern_kernels.mm(reinterpret_tensor(arg55_1, (154, 32), (32, 1), 0), reinterpret_tensor(arg900_1, (32, 8), (1, 32), 0), out=buf1040)
        del arg55_1
        del arg900_1
        assert_size_stride(arg901_1, (32, 8), (8, 1), 'input')
        buf1041 = empty_strided_cpu((154, 32), (32, 1), torch.float32)
        # Topologically Sorted Source Nodes: [linear_428], Original ATen: [aten.t, aten.mm]
        extern_kernels.mm(buf1040, reinterpret_tensor(arg901_1, (8, 32), (1, 8), 0), out=buf1041)
        del arg901_1
        del buf1040
        assert_size_stride(arg899_1, (), (), 'input')
        assert_size_stride(arg902_1, (), (), 'input')
        buf1044 = reinterpret_tensor(buf1037, (2, 8, 77, 4), (2464, 4, 32, 1), 0); del buf1037  # reuse
        cpp_fused__scaled_dot_product_flash_attention_for_cpu__unsafe_view_add_mul_transpose_view_10(buf1044, buf1039, arg899_1, buf1041, arg902_1)
        del arg899_1
        del arg902_1
        del buf1039
        del buf1041
        # Topologically Sorted Source Nodes: [result_304, linear_416, mul_164, result_305, linear_418, mul_165, result_306, view_57, query_19, result_308, linear_421, mul_166, result_309, linear_423, mul_167, result_310, view_58, key_19, result_312, linear_426, mul_168, result_313, linear_428, mul_169, result_314, view_59, value_19, hidden_states_345], Original ATen: [aten._unsafe_view, aten.mul, aten.add, aten.view, aten.transpose, aten._scaled_dot_product_flash_attention_for_cpu]
        buf1045 = torch.ops.aten._scaled_dot_product_flash_attention_for_cpu.default(buf1042, buf1043, buf1044)
        del buf1043
        del buf1044
        buf1046 = buf1045[0]
        assert_size_stride(buf1046, (2, 8, 64, 4), (2048, 4, 32, 1), 'torch.ops.aten._scaled_dot_product_flash_attention_for_cpu.default')
        assert_alignment(buf1046, 16, 'torch.ops.aten._scaled_dot_product_flash_attention_for_cpu.default')
        del buf1045
        assert_size_stride(arg905_1, (8, 32), (32, 1), 'input')
        buf1049 = buf1030; del buf1030  # reuse
        # Topologically Sorted Source Nodes: [transpose_79, hidden_states_346, linear_430], Original ATen: [aten.transpose, aten.view, aten.t, aten.mm]
        extern_kernels.mm(reinterpret_tensor(buf1046, (128, 32), (32, 1), 0), reinterpret_tensor(arg905_1, (32, 8), (1, 32), 0), out=buf1049)
        del arg905_1
        assert_size_stride(arg906_1, (32, 8), (8, 1), 'input')
        buf1050 = reinterpret_tensor(buf1042, (128, 32), (32, 1), 0); del buf1042  # reuse
        # Topologically Sorted Source Nodes: [linear_431], Original ATen: [aten.t, aten.mm]
        extern_kernels.mm(buf1049, reinterpret_tensor(arg906_1, (8, 32), (1, 8), 0), out=buf1050)
        del arg906_1
        assert_size_stride(arg908_1, (8, 32), (32, 1), 'input')
        buf1051 = buf1049; del buf1049  # reuse
        # Topologically Sorted Source Nodes: [transpose_79, hidden_states_346, linear_432], Original ATen: [aten.transpose, aten.view, aten.t, aten.mm]
        extern_kernels.mm(reinterpret_tensor(buf1046, (128, 32), (32, 1), 0), reinterpret_tensor(arg908_1, (32, 8), (1, 32), 0), out=buf1051)
        del arg908_1
        assert_size_stride(arg909_1, (32, 8), (8, 1), 'input')
        buf1052 = buf1031; del buf1031  # reuse
        # Topologically Sorted Source Nodes: [linear_433], Original ATen: [aten.t, aten.mm]
        extern_kernels.mm(buf1051, reinterpret_tensor(arg909_1, (8, 32), (1, 8), 0), out=buf1052)
        del arg909_1
        del buf1051
        assert_size_stride(arg904_1, (32, ), (1, ), 'input')
        assert_size_stride(arg903_1, (32, 32), (32, 1), 'input')
        buf1048 = buf1029; del buf1029  # reuse
        # Topologically Sorted Source Nodes: [transpose_79, hidden_states_346, result_316], Original ATen: [aten.transpose, aten.view, aten.t, aten.addmm]
        extern_kernels.addmm(arg904_1, reinterpret_tensor(buf1046, (128, 32), (32, 1), 0), reinterpret_tensor(arg903_1, (32, 32), (1, 32), 0), alpha=1, beta=1, out=buf1048)
        del arg903_1
        del arg904_1
        assert_size_stride(arg907_1, (), (), 'input')
        assert_size_stride(arg910_1, (), (), 'input')
        buf1053 = reinterpret_tensor(buf1048, (2, 64, 32), (2048, 32, 1), 0); del buf1048  # reuse
        assert_size_stride(arg911_1, (32, ), (1, ), 'input')
        assert_size_stride(arg912_1, (32, ), (1, ), 'input')
        buf1054 = buf1025; del buf1025  # reuse
        buf1055 = buf1054; del buf1054  # reuse
        buf1056 = buf1024; del buf1024  # reuse
        buf1057 = reinterpret_tensor(buf1046, (2, 64, 32), (2048, 32, 1), 0); del buf1046  # reuse
        assert_size_stride(arg914_1, (256, ), (1, ), 'input')
        assert_size_stride(arg913_1, (256, 32), (32, 1), 'input')
        cpp_fused__unsafe_view_add_div_mul_native_layer_norm_permute_view_9(buf1053, buf1055, buf1050, arg907_1, buf1052, arg910_1, buf1022, arg911_1, arg912_1, buf1056, buf1057)
        del arg907_1
        del arg910_1
        del arg911_1
        del arg912_1
        del buf1022
        del buf1050
        del buf1052
        del buf1055
        del buf1056
        buf1058 = empty_strided_cpu((128, 256), (256, 1), torch.float32)
        # Topologically Sorted Source Nodes: [norm_hidden_states_29, hidden_states_351], Original ATen: [aten.native_layer_norm, aten.view, aten.t, aten.addmm]
        extern_kernels.addmm(arg914_1, reinterpret_tensor(buf1057, (128, 32), (32, 1), 0), reinterpret_tensor(arg913_1, (32, 256), (1, 32), 0), alpha=1, beta=1, out=buf1058)
        del arg913_1
        del arg914_1
        buf1059 = buf961; del buf961  # reuse
        assert_size_stride(arg916_1, (32, ), (1, ), 'input')
        assert_size_stride(arg915_1, (32, 128), (128, 1), 'input')
        cpp_fused_gelu_mul_split_view_11(buf1058, buf1059)
        del buf1058
        buf1060 = reinterpret_tensor(buf1057, (128, 32), (32, 1), 0); del buf1057  # reuse
        # Topologically Sorted Source Nodes: [hidden_states_351, chunk_9, gelu_9, hidden_states_353, hidden_states_355], Original ATen: [aten.view, aten.split, aten.gelu, aten.mul, aten.t, aten.addmm]
        extern_kernels.addmm(arg916_1, reinterpret_tensor(buf1059, (128, 128), (128, 1), 0), reinterpret_tensor(arg915_1, (128, 32), (1, 128), 0), alpha=1, beta=1, out=buf1060)
        del arg915_1
        del arg916_1
        del buf1059
        buf1061 = reinterpret_tensor(buf1060, (2, 32, 8, 8), (2048, 1, 256, 32), 0); del buf1060  # reuse
        assert_size_stride(arg917_1, (32, 32, 1, 1), (32, 1, 32, 32), 'input')
        assert_size_stride(arg918_1, (32, ), (1, ), 'input')
        cpp_fused_add_clone_permute_view_12(buf1061, buf1053)
        del buf1053
        # Topologically Sorted Source Nodes: [hidden_states_355, hidden_states_356, reshape_39, permute_19, hidden_states_357, hidden_states_358], Original ATen: [aten.view, aten.add, aten.permute, aten.clone, aten.convolution]
        buf1062 = extern_kernels.convolution(buf1061, arg917_1, arg918_1, stride=(1, 1), padding=(0, 0), dilation=(1, 1), transposed=False, output_padding=(0, 0), groups=1)
        assert_size_stride(buf1062, (2, 32, 8, 8), (2048, 1, 256, 32), 'torch.ops.aten.convolution.default')
        del arg917_1
        del arg918_1
        del buf1061
        buf1063 = buf987; del buf987  # reuse
        buf1064 = buf1063; del buf1063  # reuse
        assert_size_stride(arg919_1, (32, ), (1, ), 'input')
        assert_size_stride(arg920_1, (32, ), (1, ), 'input')
        buf1065 = buf986; del buf986  # reuse
        buf1066 = empty_strided_cpu((2, 8, 4, 1), (32, 4, 1, 1), torch.float32)
        buf1067 = empty_strided_cpu((2, 8, 4, 1), (32, 4, 1, 1), torch.float32)
        buf1068 = buf1062; del buf1062  # reuse
        buf1069 = buf1068; del buf1068  # reuse
        assert_size_stride(arg921_1, (4, 32, 3, 3), (288, 1, 96, 32), 'input')
        assert_size_stride(arg922_1, (4, ), (1, ), 'input')
        cpp_fused_add_div_native_group_norm_silu_59(buf1064, buf1069, buf980, buf984, arg919_1, arg920_1, buf1065, buf1066, buf1067)
        del arg919_1
        del arg920_1
        del buf1064
        del buf1065
        del buf1066
        del buf1067
        del buf980
        del buf984
        # Topologically Sorted Source Nodes: [sample_5, sample_6], Original ATen: [aten.silu, aten.convolution]
        buf1070 = extern_kernels.convolution(buf1069, arg921_1, arg922_1, stride=(1, 1), padding=(1, 1), dilation=(1, 1), transposed=False, output_padding=(0, 0), groups=1)
        assert_size_stride(buf1070, (2, 4, 8, 8), (256, 1, 32, 4), 'torch.ops.aten.convolution.default')
        del arg921_1
        del arg922_1
        return (buf1070, )

runner = Runner(partitions=[])
call = runner.call
recursively_apply_fns = runner.recursively_apply_fns


def get_args():
    from torch._dynamo.testing import rand_strided
    arg0_1 = rand_strided((2, 4, 8, 8), (256, 64, 8, 1), device='cpu', dtype=torch.float32)
    arg1_1 = rand_strided((), (), device='cpu', dtype=torch.int64)
    arg2_1 = rand_strided((128, 32), (32, 1), device='cpu', dtype=torch.float32)
    arg3_1 = rand_strided((128, ), (1, ), device='cpu', dtype=torch.float32)
    arg4_1 = rand_strided((128, 128), (128, 1), device='cpu', dtype=torch.float32)
    arg5_1 = rand_strided((128, ), (1, ), device='cpu', dtype=torch.float32)
    arg6_1 = rand_strided((32, 4, 3, 3), (36, 1, 12, 4), device='cpu', dtype=torch.float32)
    arg7_1 = rand_strided((32, ), (1, ), device='cpu', dtype=torch.float32)
    arg8_1 = rand_strided((32, ), (1, ), device='cpu', dtype=torch.float32)
    arg9_1 = rand_strided((32, ), (1, ), device='cpu', dtype=torch.float32)
    arg10_1 = rand_strided((32, 32, 3, 3), (288, 1, 96, 32), device='cpu', dtype=torch.float32)
    arg11_1 = rand_strided((32, ), (1, ), device='cpu', dtype=torch.float32)
    arg12_1 = rand_strided((32, 128), (128, 1), device='cpu', dtype=torch.float32)
    arg13_1 = rand_strided((32, ), (1, ), device='cpu', dtype=torch.float32)
    arg14_1 = rand_strided((32, ), (1, ), device='cpu', dtype=torch.float32)
    arg15_1 = rand_strided((32, ), (1, ), device='cpu', dtype=torch.float32)
    arg16_1 = rand_strided((32, 32, 3, 3), (288, 1, 96, 32), device='cpu', dtype=torch.float32)
    arg17_1 = rand_strided((32, ), (1, ), device='cpu', dtype=torch.float32)
    arg18_1 = rand_strided((32, ), (1, ), device='cpu', dtype=torch.float32)
    arg19_1 = rand_strided((32, ), (1, ), device='cpu', dtype=torch.float32)
    arg20_1 = rand_strided((32, 32, 1, 1), (32, 1, 32, 32), device='cpu', dtype=torch.float32)
    arg21_1 = rand_strided((32, ), (1, ), device='cpu', dtype=torch.float32)
    arg22_1 = rand_strided((32, ), (1, ), device='cpu', dtype=torch.float32)
    arg23_1 = rand_strided((32, ), (1, ), device='cpu', dtype=torch.float32)
    arg24_1 = rand_strided((32, 32), (32, 1), device='cpu', dtype=torch.float32)
    arg25_1 = rand_strided((8, 32), (32, 1), device='cpu', dtype=torch.float32)
    arg26_1 = rand_strided((32, 8), (8, 1), device='cpu', dtype=torch.float32)
    arg27_1 = rand_strided((), (), device='cpu', dtype=torch.float32)
    arg28_1 = rand_strided((8, 32), (32, 1), device='cpu', dtype=torch.float32)
    arg29_1 = rand_strided((32, 8), (8, 1), device='cpu', dtype=torch.float32)
    arg30_1 = rand_strided((), (), device='cpu', dtype=torch.float32)
    arg31_1 = rand_strided((32, 32), (32, 1), device='cpu', dtype=torch.float32)
    arg32_1 = rand_strided((8, 32), (32, 1), device='cpu', dtype=torch.float32)
    arg33_1 = rand_strided((32, 8), (8, 1), device='cpu', dtype=torch.float32)
    arg34_1 = rand_strided((), (), device='cpu', dtype=torch.float32)
    arg35_1 = rand_strided((8, 32), (32, 1), device='cpu', dtype=torch.float32)
    arg36_1 = rand_strided((32, 8), (8, 1), device='cpu', dtype=torch.float32)
    arg37_1 = rand_strided((), (), device='cpu', dtype=torch.float32)
    arg38_1 = rand_strided((32, 32), (32, 1), device='cpu', dtype=torch.float32)
    arg39_1 = rand_strided((8, 32), (32, 1), device='cpu', dtype=torch.float32)
    arg40_1 = rand_strided((32, 8), (8, 1), device='cpu', dtype=torch.float32)
    arg41_1 = rand_strided((), (), device='cpu', dtype=torch.float32)
    arg42_1 = rand_strided((8, 32), (32, 1), device='cpu', dtype=torch.float32)
    arg43_1 = rand_strided((32, 8), (8, 1), device='cpu', dtype=torch.float32)
    arg44_1 = rand_strided((), (), device='cpu', dtype=torch.float32)
    arg45_1 = rand_strided((32, 32), (32, 1), device='cpu', dtype=torch.float32)
    arg46_1 = rand_strided((32, ), (1, ), device='cpu', dtype=torch.float32)
    arg47_1 = rand_strided((8, 32), (32, 1), device='cpu', dtype=torch.float32)
    arg48_1 = rand_strided((32, 8), (8, 1), device='cpu', dtype=torch.float32)
    arg49_1 = rand_strided((), (), device='cpu', dtype=torch.float32)
    arg50_1 = rand_strided((8, 32), (32, 1), device='cpu', dtype=torch.float32)
    arg51_1 = rand_strided((32, 8), (8, 1), device='cpu', dtype=torch.float32)
    arg52_1 = rand_strided((), (), device='cpu', dtype=torch.float32)
    arg53_1 = rand_strided((32, ), (1, ), device='cpu', dtype=torch.float32)
    arg54_1 = rand_strided((32, ), (1, ), device='cpu', dtype=torch.float32)
    arg55_1 = rand_strided((2, 77, 32), (2464, 32, 1), device='cpu', dtype=torch.float32)
    arg56_1 = rand_strided((32, 32), (32, 1), device='cpu', dtype=torch.float32)
    arg57_1 = rand_strided((8, 32), (32, 1), device='cpu', dtype=torch.float32)
    arg58_1 = rand_strided((32, 8), (8, 1), device='cpu', dtype=torch.float32)
    arg59_1 = rand_strided((), (), device='cpu', dtype=torch.float32)
    arg60_1 = rand_strided((8, 32), (32, 1), device='cpu', dtype=torch.float32)
    arg61_1 = rand_strided((32, 8), (8, 1), device='cpu', dtype=torch.float32)
    arg62_1 = rand_strided((), (), device='cpu', dtype=torch.float32)
    arg63_1 = rand_strided((32, 32), (32, 1), device='cpu', dtype=torch.float32)
    arg64_1 = rand_strided((8, 32), (32, 1), device='cpu', dtype=torch.float32)
    arg65_1 = rand_strided((32, 8), (8, 1), device='cpu', dtype=torch.float32)
    arg66_1 = rand_strided((), (), device='cpu', dtype=torch.float32)
    arg67_1 = rand_strided((8, 32), (32, 1), device='cpu', dtype=torch.float32)
    arg68_1 = rand_strided((32, 8), (8, 1), device='cpu', dtype=torch.float32)
    arg69_1 = rand_strided((), (), device='cpu', dtype=torch.float32)
    arg70_1 = rand_strided((32, 32), (32, 1), device='cpu', dtype=torch.float32)
    arg71_1 = rand_strided((8, 32), (32, 1), device='cpu', dtype=torch.float32)
    arg72_1 = rand_strided((32, 8), (8, 1), device='cpu', dtype=torch.float32)
    arg73_1 = rand_strided((), (), device='cpu', dtype=torch.float32)
    arg74_1 = rand_strided((8, 32), (32, 1), device='cpu', dtype=torch.float32)
    arg75_1 = rand_strided((32, 8), (8, 1), device='cpu', dtype=torch.float32)
    arg76_1 = rand_strided((), (), device='cpu', dtype=torch.float32)
    arg77_1 = rand_strided((32, 32), (32, 1), device='cpu', dtype=torch.float32)
    arg78_1 = rand_strided((32, ), (1, ), device='cpu', dtype=torch.float32)
    arg79_1 = rand_strided((8, 32), (32, 1), device='cpu', dtype=torch.float32)
    arg80_1 = rand_strided((32, 8), (8, 1), device='cpu', dtype=torch.float32)
    arg81_1 = rand_strided((), (), device='cpu', dtype=torch.float32)
    arg82_1 = rand_strided((8, 32), (32, 1), device='cpu', dtype=torch.float32)
    arg83_1 = rand_strided((32, 8), (8, 1), device='cpu', dtype=torch.float32)
    arg84_1 = rand_strided((), (), device='cpu', dtype=torch.float32)
    arg85_1 = rand_strided((32, ), (1, ), device='cpu', dtype=torch.float32)
    arg86_1 = rand_strided((32, ), (1, ), device='cpu', dtype=torch.float32)
    arg87_1 = rand_strided((256, 32), (32, 1), device='cpu', dtype=torch.float32)
    arg88_1 = rand_strided((256, ), (1, ), device='cpu', dtype=torch.float32)
    arg89_1 = rand_strided((32, 128), (128, 1), device='cpu', dtype=torch.float32)
    arg90_1 = rand_strided((32, ), (1, ), device='cpu', dtype=torch.float32)
    arg91_1 = rand_strided((32, 32, 1, 1), (32, 1, 32, 32), device='cpu', dtype=torch.float32)
    arg92_1 = rand_strided((32, ), (1, ), device='cpu', dtype=torch.float32)
    arg93_1 = rand_strided((32, 32, 3, 3), (288, 1, 96, 32), device='cpu', dtype=torch.float32)
    arg94_1 = rand_strided((32, ), (1, ), device='cpu', dtype=torch.float32)
    arg95_1 = rand_strided((32, ), (1, ), device='cpu', dtype=torch.float32)
    arg96_1 = rand_strided((32, ), (1, ), device='cpu', dtype=torch.float32)
    arg97_1 = rand_strided((64, 32, 3, 3), (288, 1, 96, 32), device='cpu', dtype=torch.float32)
    arg98_1 = rand_strided((64, ), (1, ), device='cpu', dtype=torch.float32)
    arg99_1 = rand_strided((64, 128), (128, 1), device='cpu', dtype=torch.float32)
    arg100_1 = rand_strided((64, ), (1, ), device='cpu', dtype=torch.float32)
    arg101_1 = rand_strided((64, ), (1, ), device='cpu', dtype=torch.float32)
    arg102_1 = rand_strided((64, ), (1, ), device='cpu', dtype=torch.float32)
    arg103_1 = rand_strided((64, 64, 3, 3), (576, 1, 192, 64), device='cpu', dtype=torch.float32)
    arg104_1 = rand_strided((64, ), (1, ), device='cpu', dtype=torch.float32)
    arg105_1 = rand_strided((64, 32, 1, 1), (32, 1, 32, 32), device='cpu', dtype=torch.float32)
    arg106_1 = rand_strided((64, ), (1, ), device='cpu', dtype=torch.float32)
    arg107_1 = rand_strided((64, ), (1, ), device='cpu', dtype=torch.float32)
    arg108_1 = rand_strided((64, ), (1, ), device='cpu', dtype=torch.float32)
    arg109_1 = rand_strided((64, 64, 1, 1), (64, 1, 64, 64), device='cpu', dtype=torch.float32)
    arg110_1 = rand_strided((64, ), (1, ), device='cpu', dtype=torch.float32)
    arg111_1 = rand_strided((64, ), (1, ), device='cpu', dtype=torch.float32)
    arg112_1 = rand_strided((64, ), (1, ), device='cpu', dtype=torch.float32)
    arg113_1 = rand_strided((64, 64), (64, 1), device='cpu', dtype=torch.float32)
    arg114_1 = rand_strided((8, 64), (64, 1), device='cpu', dtype=torch.float32)
    arg115_1 = rand_strided((64, 8), (8, 1), device='cpu', dtype=torch.float32)
    arg116_1 = rand_strided((), (), device='cpu', dtype=torch.float32)
    arg117_1 = rand_strided((8, 64), (64, 1), device='cpu', dtype=torch.float32)
    arg118_1 = rand_strided((64, 8), (8, 1), device='cpu', dtype=torch.float32)
    arg119_1 = rand_strided((), (), device='cpu', dtype=torch.float32)
    arg120_1 = rand_strided((64, 64), (64, 1), device='cpu', dtype=torch.float32)
    arg121_1 = rand_strided((8, 64), (64, 1), device='cpu', dtype=torch.float32)
    arg122_1 = rand_strided((64, 8), (8, 1), device='cpu', dtype=torch.float32)
    arg123_1 = rand_strided((), (), device='cpu', dtype=torch.float32)
    arg124_1 = rand_strided((8, 64), (64, 1), device='cpu', dtype=torch.float32)
    arg125_1 = rand_strided((64, 8), (8, 1), device='cpu', dtype=torch.float32)
    arg126_1 = rand_strided((), (), device='cpu', dtype=torch.float32)
    arg127_1 = rand_strided((64, 64), (64, 1), device='cpu', dtype=torch.float32)
    arg128_1 = rand_strided((8, 64), (64, 1), device='cpu', dtype=torch.float32)
    arg129_1 = rand_strided((64, 8), (8, 1), device='cpu', dtype=torch.float32)
    arg130_1 = rand_strided((), (), device='cpu', dtype=torch.float32)
    arg131_1 = rand_strided((8, 64), (64, 1), device='cpu', dtype=torch.float32)
    arg132_1 = rand_strided((64, 8), (8, 1), device='cpu', dtype=torch.float32)
    arg133_1 = rand_strided((), (), device='cpu', dtype=torch.float32)
    arg134_1 = rand_strided((64, 64), (64, 1), device='cpu', dtype=torch.float32)
    arg135_1 = rand_strided((64, ), (1, ), device='cpu', dtype=torch.float32)
    arg136_1 = rand_strided((8, 64), (64, 1), device='cpu', dtype=torch.float32)
    arg137_1 = rand_strided((64, 8), (8, 1), device='cpu', dtype=torch.float32)
    arg138_1 = rand_strided((), (), device='cpu', dtype=torch.float32)
    arg139_1 = rand_strided((8, 64), (64, 1), device='cpu', dtype=torch.float32)
    arg140_1 = rand_strided((64, 8), (8, 1), device='cpu', dtype=torch.float32)
    arg141_1 = rand_strided((), (), device='cpu', dtype=torch.float32)
    arg142_1 = rand_strided((64, ), (1, ), device='cpu', dtype=torch.float32)
    arg143_1 = rand_strided((64, ), (1, ), device='cpu', dtype=torch.float32)
    arg144_1 = rand_strided((64, 64), (64, 1), device='cpu', dtype=torch.float32)
    arg145_1 = rand_strided((8, 64), (64, 1), device='cpu', dtype=torch.float32)
    arg146_1 = rand_strided((64, 8), (8, 1), device='cpu', dtype=torch.float32)
    arg147_1 = rand_strided((), (), device='cpu', dtype=torch.float32)
    arg148_1 = rand_strided((8, 64), (64, 1), device='cpu', dtype=torch.float32)
    arg149_1 = rand_strided((64, 8), (8, 1), device='cpu', dtype=torch.float32)
    arg150_1 = rand_strided((), (), device='cpu', dtype=torch.float32)
    arg151_1 = rand_strided((64, 32), (32, 1), device='cpu', dtype=torch.float32)
    arg152_1 = rand_strided((8, 32), (32, 1), device='cpu', dtype=torch.float32)
    arg153_1 = rand_strided((64, 8), (8, 1), device='cpu', dtype=torch.float32)
    arg154_1 = rand_strided((), (), device='cpu', dtype=torch.float32)
    arg155_1 = rand_strided((8, 32), (32, 1), device='cpu', dtype=torch.float32)
    arg156_1 = rand_strided((64, 8), (8, 1), device='cpu', dtype=torch.float32)
    arg157_1 = rand_strided((), (), device='cpu', dtype=torch.float32)
    arg158_1 = rand_strided((64, 32), (32, 1), device='cpu', dtype=torch.float32)
    arg159_1 = rand_strided((8, 32), (32, 1), device='cpu', dtype=torch.float32)
    arg160_1 = rand_strided((64, 8), (8, 1), device='cpu', dtype=torch.float32)
    arg161_1 = rand_strided((), (), device='cpu', dtype=torch.float32)
    arg162_1 = rand_strided((8, 32), (32, 1), device='cpu', dtype=torch.float32)
    arg163_1 = rand_strided((64, 8), (8, 1), device='cpu', dtype=torch.float32)
    arg164_1 = rand_strided((), (), device='cpu', dtype=torch.float32)
    arg165_1 = rand_strided((64, 64), (64, 1), device='cpu', dtype=torch.float32)
    arg166_1 = rand_strided((64, ), (1, ), device='cpu', dtype=torch.float32)
    arg167_1 = rand_strided((8, 64), (64, 1), device='cpu', dtype=torch.float32)
    arg168_1 = rand_strided((64, 8), (8, 1), device='cpu', dtype=torch.float32)
    arg169_1 = rand_strided((), (), device='cpu', dtype=torch.float32)
    arg170_1 = rand_strided((8, 64), (64, 1), device='cpu', dtype=torch.float32)
    arg171_1 = rand_strided((64, 8), (8, 1), device='cpu', dtype=torch.float32)
    arg172_1 = rand_strided((), (), device='cpu', dtype=torch.float32)
    arg173_1 = rand_strided((64, ), (1, ), device='cpu', dtype=torch.float32)
    arg174_1 = rand_strided((64, ), (1, ), device='cpu', dtype=torch.float32)
    arg175_1 = rand_strided((512, 64), (64, 1), device='cpu', dtype=torch.float32)
    arg176_1 = rand_strided((512, ), (1, ), device='cpu', dtype=torch.float32)
    arg177_1 = rand_strided((64, 256), (256, 1), device='cpu', dtype=torch.float32)
    arg178_1 = rand_strided((64, ), (1, ), device='cpu', dtype=torch.float32)
    arg179_1 = rand_strided((64, 64, 1, 1), (64, 1, 64, 64), device='cpu', dtype=torch.float32)
    arg180_1 = rand_strided((64, ), (1, ), device='cpu', dtype=torch.float32)
    arg181_1 = rand_strided((64, 64, 3, 3), (576, 1, 192, 64), device='cpu', dtype=torch.float32)
    arg182_1 = rand_strided((64, ), (1, ), device='cpu', dtype=torch.float32)
    arg183_1 = rand_strided((64, ), (1, ), device='cpu', dtype=torch.float32)
    arg184_1 = rand_strided((64, ), (1, ), device='cpu', dtype=torch.float32)
    arg185_1 = rand_strided((64, 64, 3, 3), (576, 1, 192, 64), device='cpu', dtype=torch.float32)
    arg186_1 = rand_strided((64, ), (1, ), device='cpu', dtype=torch.float32)
    arg187_1 = rand_strided((64, 128), (128, 1), device='cpu', dtype=torch.float32)
    arg188_1 = rand_strided((64, ), (1, ), device='cpu', dtype=torch.float32)
    arg189_1 = rand_strided((64, ), (1, ), device='cpu', dtype=torch.float32)
    arg190_1 = rand_strided((64, ), (1, ), device='cpu', dtype=torch.float32)
    arg191_1 = rand_strided((64, 64, 3, 3), (576, 1, 192, 64), device='cpu', dtype=torch.float32)
    arg192_1 = rand_strided((64, ), (1, ), device='cpu', dtype=torch.float32)
    arg193_1 = rand_strided((64, ), (1, ), device='cpu', dtype=torch.float32)
    arg194_1 = rand_strided((64, ), (1, ), device='cpu', dtype=torch.float32)
    arg195_1 = rand_strided((64, 64, 1, 1), (64, 1, 64, 64), device='cpu', dtype=torch.float32)
    arg196_1 = rand_strided((64, ), (1, ), device='cpu', dtype=torch.float32)
    arg197_1 = rand_strided((64, ), (1, ), device='cpu', dtype=torch.float32)
    arg198_1 = rand_strided((64, ), (1, ), device='cpu', dtype=torch.float32)
    arg199_1 = rand_strided((64, 64), (64, 1), device='cpu', dtype=torch.float32)
    arg200_1 = rand_strided((8, 64), (64, 1), device='cpu', dtype=torch.float32)
    arg201_1 = rand_strided((64, 8), (8, 1), device='cpu', dtype=torch.float32)
    arg202_1 = rand_strided((), (), device='cpu', dtype=torch.float32)
    arg203_1 = rand_strided((8, 64), (64, 1), device='cpu', dtype=torch.float32)
    arg204_1 = rand_strided((64, 8), (8, 1), device='cpu', dtype=torch.float32)
    arg205_1 = rand_strided((), (), device='cpu', dtype=torch.float32)
    arg206_1 = rand_strided((64, 64), (64, 1), device='cpu', dtype=torch.float32)
    arg207_1 = rand_strided((8, 64), (64, 1), device='cpu', dtype=torch.float32)
    arg208_1 = rand_strided((64, 8), (8, 1), device='cpu', dtype=torch.float32)
    arg209_1 = rand_strided((), (), device='cpu', dtype=torch.float32)
    arg210_1 = rand_strided((8, 64), (64, 1), device='cpu', dtype=torch.float32)
    arg211_1 = rand_strided((64, 8), (8, 1), device='cpu', dtype=torch.float32)
    arg212_1 = rand_strided((), (), device='cpu', dtype=torch.float32)
    arg213_1 = rand_strided((64, 64), (64, 1), device='cpu', dtype=torch.float32)
    arg214_1 = rand_strided((8, 64), (64, 1), device='cpu', dtype=torch.float32)
    arg215_1 = rand_strided((64, 8), (8, 1), device='cpu', dtype=torch.float32)
    arg216_1 = rand_strided((), (), device='cpu', dtype=torch.float32)
    arg217_1 = rand_strided((8, 64), (64, 1), device='cpu', dtype=torch.float32)
    arg218_1 = rand_strided((64, 8), (8, 1), device='cpu', dtype=torch.float32)
    arg219_1 = rand_strided((), (), device='cpu', dtype=torch.float32)
    arg220_1 = rand_strided((64, 64), (64, 1), device='cpu', dtype=torch.float32)
    arg221_1 = rand_strided((64, ), (1, ), device='cpu', dtype=torch.float32)
    arg222_1 = rand_strided((8, 64), (64, 1), device='cpu', dtype=torch.float32)
    arg223_1 = rand_strided((64, 8), (8, 1), device='cpu', dtype=torch.float32)
    arg224_1 = rand_strided((), (), device='cpu', dtype=torch.float32)
    arg225_1 = rand_strided((8, 64), (64, 1), device='cpu', dtype=torch.float32)
    arg226_1 = rand_strided((64, 8), (8, 1), device='cpu', dtype=torch.float32)
    arg227_1 = rand_strided((), (), device='cpu', dtype=torch.float32)
    arg228_1 = rand_strided((64, ), (1, ), device='cpu', dtype=torch.float32)
    arg229_1 = rand_strided((64, ), (1, ), device='cpu', dtype=torch.float32)
    arg230_1 = rand_strided((64, 64), (64, 1), device='cpu', dtype=torch.float32)
    arg231_1 = rand_strided((8, 64), (64, 1), device='cpu', dtype=torch.float32)
    arg232_1 = rand_strided((64, 8), (8, 1), device='cpu', dtype=torch.float32)
    arg233_1 = rand_strided((), (), device='cpu', dtype=torch.float32)
    arg234_1 = rand_strided((8, 64), (64, 1), device='cpu', dtype=torch.float32)
    arg235_1 = rand_strided((64, 8), (8, 1), device='cpu', dtype=torch.float32)
    arg236_1 = rand_strided((), (), device='cpu', dtype=torch.float32)
    arg237_1 = rand_strided((64, 32), (32, 1), device='cpu', dtype=torch.float32)
    arg238_1 = rand_strided((8, 32), (32, 1), device='cpu', dtype=torch.float32)
    arg239_1 = rand_strided((64, 8), (8, 1), device='cpu', dtype=torch.float32)
    arg240_1 = rand_strided((), (), device='cpu', dtype=torch.float32)
    arg241_1 = rand_strided((8, 32), (32, 1), device='cpu', dtype=torch.float32)
    arg242_1 = rand_strided((64, 8), (8, 1), device='cpu', dtype=torch.float32)
    arg243_1 = rand_strided((), (), device='cpu', dtype=torch.float32)
    arg244_1 = rand_strided((64, 32), (32, 1), device='cpu', dtype=torch.float32)
    arg245_1 = rand_strided((8, 32), (32, 1), device='cpu', dtype=torch.float32)
    arg246_1 = rand_strided((64, 8), (8, 1), device='cpu', dtype=torch.float32)
    arg247_1 = rand_strided((), (), device='cpu', dtype=torch.float32)
    arg248_1 = rand_strided((8, 32), (32, 1), device='cpu', dtype=torch.float32)
    arg249_1 = rand_strided((64, 8), (8, 1), device='cpu', dtype=torch.float32)
    arg250_1 = rand_strided((), (), device='cpu', dtype=torch.float32)
    arg251_1 = rand_strided((64, 64), (64, 1), device='cpu', dtype=torch.float32)
    arg252_1 = rand_strided((64, ), (1, ), device='cpu', dtype=torch.float32)
    arg253_1 = rand_strided((8, 64), (64, 1), device='cpu', dtype=torch.float32)
    arg254_1 = rand_strided((64, 8), (8, 1), device='cpu', dtype=torch.float32)
    arg255_1 = rand_strided((), (), device='cpu', dtype=torch.float32)
    arg256_1 = rand_strided((8, 64), (64, 1), device='cpu', dtype=torch.float32)
    arg257_1 = rand_strided((64, 8), (8, 1), device='cpu', dtype=torch.float32)
    arg258_1 = rand_strided((), (), device='cpu', dtype=torch.float32)
    arg259_1 = rand_strided((64, ), (1, ), device='cpu', dtype=torch.float32)
    arg260_1 = rand_strided((64, ), (1, ), device='cpu', dtype=torch.float32)
    arg261_1 = rand_strided((512, 64), (64, 1), device='cpu', dtype=torch.float32)
    arg262_1 = rand_strided((512, ), (1, ), device='cpu', dtype=torch.float32)
    arg263_1 = rand_strided((64, 256), (256, 1), device='cpu', dtype=torch.float32)
    arg264_1 = rand_strided((64, ), (1, ), device='cpu', dtype=torch.float32)
    arg265_1 = rand_strided((64, 64, 1, 1), (64, 1, 64, 64), device='cpu', dtype=torch.float32)
    arg266_1 = rand_strided((64, ), (1, ), device='cpu', dtype=torch.float32)
    arg267_1 = rand_strided((64, 64, 3, 3), (576, 1, 192, 64), device='cpu', dtype=torch.float32)
    arg268_1 = rand_strided((64, ), (1, ), device='cpu', dtype=torch.float32)
    arg269_1 = rand_strided((64, ), (1, ), device='cpu', dtype=torch.float32)
    arg270_1 = rand_strided((64, ), (1, ), device='cpu', dtype=torch.float32)
    arg271_1 = rand_strided((64, 64, 3, 3), (576, 1, 192, 64), device='cpu', dtype=torch.float32)
    arg272_1 = rand_strided((64, ), (1, ), device='cpu', dtype=torch.float32)
    arg273_1 = rand_strided((64, 128), (128, 1), device='cpu', dtype=torch.float32)
    arg274_1 = rand_strided((64, ), (1, ), device='cpu', dtype=torch.float32)
    arg275_1 = rand_strided((64, ), (1, ), device='cpu', dtype=torch.float32)
    arg276_1 = rand_strided((64, ), (1, ), device='cpu', dtype=torch.float32)
    arg277_1 = rand_strided((64, 64, 3, 3), (576, 1, 192, 64), device='cpu', dtype=torch.float32)
    arg278_1 = rand_strided((64, ), (1, ), device='cpu', dtype=torch.float32)
    arg279_1 = rand_strided((64, ), (1, ), device='cpu', dtype=torch.float32)
    arg280_1 = rand_strided((64, ), (1, ), device='cpu', dtype=torch.float32)
    arg281_1 = rand_strided((64, 64, 3, 3), (576, 1, 192, 64), device='cpu', dtype=torch.float32)
    arg282_1 = rand_strided((64, ), (1, ), device='cpu', dtype=torch.float32)
    arg283_1 = rand_strided((64, 128), (128, 1), device='cpu', dtype=torch.float32)
    arg284_1 = rand_strided((64, ), (1, ), device='cpu', dtype=torch.float32)
    arg285_1 = rand_strided((64, ), (1, ), device='cpu', dtype=torch.float32)
    arg286_1 = rand_strided((64, ), (1, ), device='cpu', dtype=torch.float32)
    arg287_1 = rand_strided((64, 64, 3, 3), (576, 1, 192, 64), device='cpu', dtype=torch.float32)
    arg288_1 = rand_strided((64, ), (1, ), device='cpu', dtype=torch.float32)
    arg289_1 = rand_strided((64, ), (1, ), device='cpu', dtype=torch.float32)
    arg290_1 = rand_strided((64, ), (1, ), device='cpu', dtype=torch.float32)
    arg291_1 = rand_strided((64, 64, 1, 1), (64, 1, 64, 64), device='cpu', dtype=torch.float32)
    arg292_1 = rand_strided((64, ), (1, ), device='cpu', dtype=torch.float32)
    arg293_1 = rand_strided((64, ), (1, ), device='cpu', dtype=torch.float32)
    arg294_1 = rand_strided((64, ), (1, ), device='cpu', dtype=torch.float32)
    arg295_1 = rand_strided((64, 64), (64, 1), device='cpu', dtype=torch.float32)
    arg296_1 = rand_strided((8, 64), (64, 1), device='cpu', dtype=torch.float32)
    arg297_1 = rand_strided((64, 8), (8, 1), device='cpu', dtype=torch.float32)
    arg298_1 = rand_strided((), (), device='cpu', dtype=torch.float32)
    arg299_1 = rand_strided((8, 64), (64, 1), device='cpu', dtype=torch.float32)
    arg300_1 = rand_strided((64, 8), (8, 1), device='cpu', dtype=torch.float32)
    arg301_1 = rand_strided((), (), device='cpu', dtype=torch.float32)
    arg302_1 = rand_strided((64, 64), (64, 1), device='cpu', dtype=torch.float32)
    arg303_1 = rand_strided((8, 64), (64, 1), device='cpu', dtype=torch.float32)
    arg304_1 = rand_strided((64, 8), (8, 1), device='cpu', dtype=torch.float32)
    arg305_1 = rand_strided((), (), device='cpu', dtype=torch.float32)
    arg306_1 = rand_strided((8, 64), (64, 1), device='cpu', dtype=torch.float32)
    arg307_1 = rand_strided((64, 8), (8, 1), device='cpu', dtype=torch.float32)
    arg308_1 = rand_strided((), (), device='cpu', dtype=torch.float32)
    arg309_1 = rand_strided((64, 64), (64, 1), device='cpu', dtype=torch.float32)
    arg310_1 = rand_strided((8, 64), (64, 1), device='cpu', dtype=torch.float32)
    arg311_1 = rand_strided((64, 8), (8, 1), device='cpu', dtype=torch.float32)
    arg312_1 = rand_strided((), (), device='cpu', dtype=torch.float32)
    arg313_1 = rand_strided((8, 64), (64, 1), device='cpu', dtype=torch.float32)
    arg314_1 = rand_strided((64, 8), (8, 1), device='cpu', dtype=torch.float32)
    arg315_1 = rand_strided((), (), device='cpu', dtype=torch.float32)
    arg316_1 = rand_strided((64, 64), (64, 1), device='cpu', dtype=torch.float32)
    arg317_1 = rand_strided((64, ), (1, ), device='cpu', dtype=torch.float32)
    arg318_1 = rand_strided((8, 64), (64, 1), device='cpu', dtype=torch.float32)
    arg319_1 = rand_strided((64, 8), (8, 1), device='cpu', dtype=torch.float32)
    arg320_1 = rand_strided((), (), device='cpu', dtype=torch.float32)
    arg321_1 = rand_strided((8, 64), (64, 1), device='cpu', dtype=torch.float32)
    arg322_1 = rand_strided((64, 8), (8, 1), device='cpu', dtype=torch.float32)
    arg323_1 = rand_strided((), (), device='cpu', dtype=torch.float32)
    arg324_1 = rand_strided((64, ), (1, ), device='cpu', dtype=torch.float32)
    arg325_1 = rand_strided((64, ), (1, ), device='cpu', dtype=torch.float32)
    arg326_1 = rand_strided((64, 64), (64, 1), device='cpu', dtype=torch.float32)
    arg327_1 = rand_strided((8, 64), (64, 1), device='cpu', dtype=torch.float32)
    arg328_1 = rand_strided((64, 8), (8, 1), device='cpu', dtype=torch.float32)
    arg329_1 = rand_strided((), (), device='cpu', dtype=torch.float32)
    arg330_1 = rand_strided((8, 64), (64, 1), device='cpu', dtype=torch.float32)
    arg331_1 = rand_strided((64, 8), (8, 1), device='cpu', dtype=torch.float32)
    arg332_1 = rand_strided((), (), device='cpu', dtype=torch.float32)
    arg333_1 = rand_strided((64, 32), (32, 1), device='cpu', dtype=torch.float32)
    arg334_1 = rand_strided((8, 32), (32, 1), device='cpu', dtype=torch.float32)
    arg335_1 = rand_strided((64, 8), (8, 1), device='cpu', dtype=torch.float32)
    arg336_1 = rand_strided((), (), device='cpu', dtype=torch.float32)
    arg337_1 = rand_strided((8, 32), (32, 1), device='cpu', dtype=torch.float32)
    arg338_1 = rand_strided((64, 8), (8, 1), device='cpu', dtype=torch.float32)
    arg339_1 = rand_strided((), (), device='cpu', dtype=torch.float32)
    arg340_1 = rand_strided((64, 32), (32, 1), device='cpu', dtype=torch.float32)
    arg341_1 = rand_strided((8, 32), (32, 1), device='cpu', dtype=torch.float32)
    arg342_1 = rand_strided((64, 8), (8, 1), device='cpu', dtype=torch.float32)
    arg343_1 = rand_strided((), (), device='cpu', dtype=torch.float32)
    arg344_1 = rand_strided((8, 32), (32, 1), device='cpu', dtype=torch.float32)
    arg345_1 = rand_strided((64, 8), (8, 1), device='cpu', dtype=torch.float32)
    arg346_1 = rand_strided((), (), device='cpu', dtype=torch.float32)
    arg347_1 = rand_strided((64, 64), (64, 1), device='cpu', dtype=torch.float32)
    arg348_1 = rand_strided((64, ), (1, ), device='cpu', dtype=torch.float32)
    arg349_1 = rand_strided((8, 64), (64, 1), device='cpu', dtype=torch.float32)
    arg350_1 = rand_strided((64, 8), (8, 1), device='cpu', dtype=torch.float32)
    arg351_1 = rand_strided((), (), device='cpu', dtype=torch.float32)
    arg352_1 = rand_strided((8, 64), (64, 1), device='cpu', dtype=torch.float32)
    arg353_1 = rand_strided((64, 8), (8, 1), device='cpu', dtype=torch.float32)
    arg354_1 = rand_strided((), (), device='cpu', dtype=torch.float32)
    arg355_1 = rand_strided((64, ), (1, ), device='cpu', dtype=torch.float32)
    arg356_1 = rand_strided((64, ), (1, ), device='cpu', dtype=torch.float32)
    arg357_1 = rand_strided((512, 64), (64, 1), device='cpu', dtype=torch.float32)
    arg358_1 = rand_strided((512, ), (1, ), device='cpu', dtype=torch.float32)
    arg359_1 = rand_strided((64, 256), (256, 1), device='cpu', dtype=torch.float32)
    arg360_1 = rand_strided((64, ), (1, ), device='cpu', dtype=torch.float32)
    arg361_1 = rand_strided((64, 64, 1, 1), (64, 1, 64, 64), device='cpu', dtype=torch.float32)
    arg362_1 = rand_strided((64, ), (1, ), device='cpu', dtype=torch.float32)
    arg363_1 = rand_strided((64, ), (1, ), device='cpu', dtype=torch.float32)
    arg364_1 = rand_strided((64, ), (1, ), device='cpu', dtype=torch.float32)
    arg365_1 = rand_strided((64, 64, 3, 3), (576, 1, 192, 64), device='cpu', dtype=torch.float32)
    arg366_1 = rand_strided((64, ), (1, ), device='cpu', dtype=torch.float32)
    arg367_1 = rand_strided((64, 128), (128, 1), device='cpu', dtype=torch.float32)
    arg368_1 = rand_strided((64, ), (1, ), device='cpu', dtype=torch.float32)
    arg369_1 = rand_strided((64, ), (1, ), device='cpu', dtype=torch.float32)
    arg370_1 = rand_strided((64, ), (1, ), device='cpu', dtype=torch.float32)
    arg371_1 = rand_strided((64, 64, 3, 3), (576, 1, 192, 64), device='cpu', dtype=torch.float32)
    arg372_1 = rand_strided((64, ), (1, ), device='cpu', dtype=torch.float32)
    arg373_1 = rand_strided((128, ), (1, ), device='cpu', dtype=torch.float32)
    arg374_1 = rand_strided((128, ), (1, ), device='cpu', dtype=torch.float32)
    arg375_1 = rand_strided((64, 128, 3, 3), (1152, 1, 384, 128), device='cpu', dtype=torch.float32)
    arg376_1 = rand_strided((64, ), (1, ), device='cpu', dtype=torch.float32)
    arg377_1 = rand_strided((64, 128), (128, 1), device='cpu', dtype=torch.float32)
    arg378_1 = rand_strided((64, ), (1, ), device='cpu', dtype=torch.float32)
    arg379_1 = rand_strided((64, ), (1, ), device='cpu', dtype=torch.float32)
    arg380_1 = rand_strided((64, ), (1, ), device='cpu', dtype=torch.float32)
    arg381_1 = rand_strided((64, 64, 3, 3), (576, 1, 192, 64), device='cpu', dtype=torch.float32)
    arg382_1 = rand_strided((64, ), (1, ), device='cpu', dtype=torch.float32)
    arg383_1 = rand_strided((64, 128, 1, 1), (128, 1, 128, 128), device='cpu', dtype=torch.float32)
    arg384_1 = rand_strided((64, ), (1, ), device='cpu', dtype=torch.float32)
    arg385_1 = rand_strided((128, ), (1, ), device='cpu', dtype=torch.float32)
    arg386_1 = rand_strided((128, ), (1, ), device='cpu', dtype=torch.float32)
    arg387_1 = rand_strided((64, 128, 3, 3), (1152, 1, 384, 128), device='cpu', dtype=torch.float32)
    arg388_1 = rand_strided((64, ), (1, ), device='cpu', dtype=torch.float32)
    arg389_1 = rand_strided((64, 128), (128, 1), device='cpu', dtype=torch.float32)
    arg390_1 = rand_strided((64, ), (1, ), device='cpu', dtype=torch.float32)
    arg391_1 = rand_strided((64, ), (1, ), device='cpu', dtype=torch.float32)
    arg392_1 = rand_strided((64, ), (1, ), device='cpu', dtype=torch.float32)
    arg393_1 = rand_strided((64, 64, 3, 3), (576, 1, 192, 64), device='cpu', dtype=torch.float32)
    arg394_1 = rand_strided((64, ), (1, ), device='cpu', dtype=torch.float32)
    arg395_1 = rand_strided((64, 128, 1, 1), (128, 1, 128, 128), device='cpu', dtype=torch.float32)
    arg396_1 = rand_strided((64, ), (1, ), device='cpu', dtype=torch.float32)
    arg397_1 = rand_strided((64, 64, 3, 3), (576, 1, 192, 64), device='cpu', dtype=torch.float32)
    arg398_1 = rand_strided((64, ), (1, ), device='cpu', dtype=torch.float32)
    arg399_1 = rand_strided((128, ), (1, ), device='cpu', dtype=torch.float32)
    arg400_1 = rand_strided((128, ), (1, ), device='cpu', dtype=torch.float32)
    arg401_1 = rand_strided((64, 128, 3, 3), (1152, 1, 384, 128), device='cpu', dtype=torch.float32)
    arg402_1 = rand_strided((64, ), (1, ), device='cpu', dtype=torch.float32)
    arg403_1 = rand_strided((64, 128), (128, 1), device='cpu', dtype=torch.float32)
    arg404_1 = rand_strided((64, ), (1, ), device='cpu', dtype=torch.float32)
    arg405_1 = rand_strided((64, ), (1, ), device='cpu', dtype=torch.float32)
    arg406_1 = rand_strided((64, ), (1, ), device='cpu', dtype=torch.float32)
    arg407_1 = rand_strided((64, 64, 3, 3), (576, 1, 192, 64), device='cpu', dtype=torch.float32)
    arg408_1 = rand_strided((64, ), (1, ), device='cpu', dtype=torch.float32)
    arg409_1 = rand_strided((64, 128, 1, 1), (128, 1, 128, 128), device='cpu', dtype=torch.float32)
    arg410_1 = rand_strided((64, ), (1, ), device='cpu', dtype=torch.float32)
    arg411_1 = rand_strided((64, ), (1, ), device='cpu', dtype=torch.float32)
    arg412_1 = rand_strided((64, ), (1, ), device='cpu', dtype=torch.float32)
    arg413_1 = rand_strided((64, 64, 1, 1), (64, 1, 64, 64), device='cpu', dtype=torch.float32)
    arg414_1 = rand_strided((64, ), (1, ), device='cpu', dtype=torch.float32)
    arg415_1 = rand_strided((64, ), (1, ), device='cpu', dtype=torch.float32)
    arg416_1 = rand_strided((64, ), (1, ), device='cpu', dtype=torch.float32)
    arg417_1 = rand_strided((64, 64), (64, 1), device='cpu', dtype=torch.float32)
    arg418_1 = rand_strided((8, 64), (64, 1), device='cpu', dtype=torch.float32)
    arg419_1 = rand_strided((64, 8), (8, 1), device='cpu', dtype=torch.float32)
    arg420_1 = rand_strided((), (), device='cpu', dtype=torch.float32)
    arg421_1 = rand_strided((8, 64), (64, 1), device='cpu', dtype=torch.float32)
    arg422_1 = rand_strided((64, 8), (8, 1), device='cpu', dtype=torch.float32)
    arg423_1 = rand_strided((), (), device='cpu', dtype=torch.float32)
    arg424_1 = rand_strided((64, 64), (64, 1), device='cpu', dtype=torch.float32)
    arg425_1 = rand_strided((8, 64), (64, 1), device='cpu', dtype=torch.float32)
    arg426_1 = rand_strided((64, 8), (8, 1), device='cpu', dtype=torch.float32)
    arg427_1 = rand_strided((), (), device='cpu', dtype=torch.float32)
    arg428_1 = rand_strided((8, 64), (64, 1), device='cpu', dtype=torch.float32)
    arg429_1 = rand_strided((64, 8), (8, 1), device='cpu', dtype=torch.float32)
    arg430_1 = rand_strided((), (), device='cpu', dtype=torch.float32)
    arg431_1 = rand_strided((64, 64), (64, 1), device='cpu', dtype=torch.float32)
    arg432_1 = rand_strided((8, 64), (64, 1), device='cpu', dtype=torch.float32)
    arg433_1 = rand_strided((64, 8), (8, 1), device='cpu', dtype=torch.float32)
    arg434_1 = rand_strided((), (), device='cpu', dtype=torch.float32)
    arg435_1 = rand_strided((8, 64), (64, 1), device='cpu', dtype=torch.float32)
    arg436_1 = rand_strided((64, 8), (8, 1), device='cpu', dtype=torch.float32)
    arg437_1 = rand_strided((), (), device='cpu', dtype=torch.float32)
    arg438_1 = rand_strided((64, 64), (64, 1), device='cpu', dtype=torch.float32)
    arg439_1 = rand_strided((64, ), (1, ), device='cpu', dtype=torch.float32)
    arg440_1 = rand_strided((8, 64), (64, 1), device='cpu', dtype=torch.float32)
    arg441_1 = rand_strided((64, 8), (8, 1), device='cpu', dtype=torch.float32)
    arg442_1 = rand_strided((), (), device='cpu', dtype=torch.float32)
    arg443_1 = rand_strided((8, 64), (64, 1), device='cpu', dtype=torch.float32)
    arg444_1 = rand_strided((64, 8), (8, 1), device='cpu', dtype=torch.float32)
    arg445_1 = rand_strided((), (), device='cpu', dtype=torch.float32)
    arg446_1 = rand_strided((64, ), (1, ), device='cpu', dtype=torch.float32)
    arg447_1 = rand_strided((64, ), (1, ), device='cpu', dtype=torch.float32)
    arg448_1 = rand_strided((64, 64), (64, 1), device='cpu', dtype=torch.float32)
    arg449_1 = rand_strided((8, 64), (64, 1), device='cpu', dtype=torch.float32)
    arg450_1 = rand_strided((64, 8), (8, 1), device='cpu', dtype=torch.float32)
    arg451_1 = rand_strided((), (), device='cpu', dtype=torch.float32)
    arg452_1 = rand_strided((8, 64), (64, 1), device='cpu', dtype=torch.float32)
    arg453_1 = rand_strided((64, 8), (8, 1), device='cpu', dtype=torch.float32)
    arg454_1 = rand_strided((), (), device='cpu', dtype=torch.float32)
    arg455_1 = rand_strided((64, 32), (32, 1), device='cpu', dtype=torch.float32)
    arg456_1 = rand_strided((8, 32), (32, 1), device='cpu', dtype=torch.float32)
    arg457_1 = rand_strided((64, 8), (8, 1), device='cpu', dtype=torch.float32)
    arg458_1 = rand_strided((), (), device='cpu', dtype=torch.float32)
    arg459_1 = rand_strided((8, 32), (32, 1), device='cpu', dtype=torch.float32)
    arg460_1 = rand_strided((64, 8), (8, 1), device='cpu', dtype=torch.float32)
    arg461_1 = rand_strided((), (), device='cpu', dtype=torch.float32)
    arg462_1 = rand_strided((64, 32), (32, 1), device='cpu', dtype=torch.float32)
    arg463_1 = rand_strided((8, 32), (32, 1), device='cpu', dtype=torch.float32)
    arg464_1 = rand_strided((64, 8), (8, 1), device='cpu', dtype=torch.float32)
    arg465_1 = rand_strided((), (), device='cpu', dtype=torch.float32)
    arg466_1 = rand_strided((8, 32), (32, 1), device='cpu', dtype=torch.float32)
    arg467_1 = rand_strided((64, 8), (8, 1), device='cpu', dtype=torch.float32)
    arg468_1 = rand_strided((), (), device='cpu', dtype=torch.float32)
    arg469_1 = rand_strided((64, 64), (64, 1), device='cpu', dtype=torch.float32)
    arg470_1 = rand_strided((64, ), (1, ), device='cpu', dtype=torch.float32)
    arg471_1 = rand_strided((8, 64), (64, 1), device='cpu', dtype=torch.float32)
    arg472_1 = rand_strided((64, 8), (8, 1), device='cpu', dtype=torch.float32)
    arg473_1 = rand_strided((), (), device='cpu', dtype=torch.float32)
    arg474_1 = rand_strided((8, 64), (64, 1), device='cpu', dtype=torch.float32)
    arg475_1 = rand_strided((64, 8), (8, 1), device='cpu', dtype=torch.float32)
    arg476_1 = rand_strided((), (), device='cpu', dtype=torch.float32)
    arg477_1 = rand_strided((64, ), (1, ), device='cpu', dtype=torch.float32)
    arg478_1 = rand_strided((64, ), (1, ), device='cpu', dtype=torch.float32)
    arg479_1 = rand_strided((512, 64), (64, 1), device='cpu', dtype=torch.float32)
    arg480_1 = rand_strided((512, ), (1, ), device='cpu', dtype=torch.float32)
    arg481_1 = rand_strided((64, 256), (256, 1), device='cpu', dtype=torch.float32)
    arg482_1 = rand_strided((64, ), (1, ), device='cpu', dtype=torch.float32)
    arg483_1 = rand_strided((64, 64, 1, 1), (64, 1, 64, 64), device='cpu', dtype=torch.float32)
    arg484_1 = rand_strided((64, ), (1, ), device='cpu', dtype=torch.float32)
    arg485_1 = rand_strided((128, ), (1, ), device='cpu', dtype=torch.float32)
    arg486_1 = rand_strided((128, ), (1, ), device='cpu', dtype=torch.float32)
    arg487_1 = rand_strided((64, 128, 3, 3), (1152, 1, 384, 128), device='cpu', dtype=torch.float32)
    arg488_1 = rand_strided((64, ), (1, ), device='cpu', dtype=torch.float32)
    arg489_1 = rand_strided((64, 128), (128, 1), device='cpu', dtype=torch.float32)
    arg490_1 = rand_strided((64, ), (1, ), device='cpu', dtype=torch.float32)
    arg491_1 = rand_strided((64, ), (1, ), device='cpu', dtype=torch.float32)
    arg492_1 = rand_strided((64, ), (1, ), device='cpu', dtype=torch.float32)
    arg493_1 = rand_strided((64, 64, 3, 3), (576, 1, 192, 64), device='cpu', dtype=torch.float32)
    arg494_1 = rand_strided((64, ), (1, ), device='cpu', dtype=torch.float32)
    arg495_1 = rand_strided((64, 128, 1, 1), (128, 1, 128, 128), device='cpu', dtype=torch.float32)
    arg496_1 = rand_strided((64, ), (1, ), device='cpu', dtype=torch.float32)
    arg497_1 = rand_strided((64, ), (1, ), device='cpu', dtype=torch.float32)
    arg498_1 = rand_strided((64, ), (1, ), device='cpu', dtype=torch.float32)
    arg499_1 = rand_strided((64, 64, 1, 1), (64, 1, 64, 64), device='cpu', dtype=torch.float32)
    arg500_1 = rand_strided((64, ), (1, ), device='cpu', dtype=torch.float32)
    arg501_1 = rand_strided((64, ), (1, ), device='cpu', dtype=torch.float32)
    arg502_1 = rand_strided((64, ), (1, ), device='cpu', dtype=torch.float32)
    arg503_1 = rand_strided((64, 64), (64, 1), device='cpu', dtype=torch.float32)
    arg504_1 = rand_strided((8, 64), (64, 1), device='cpu', dtype=torch.float32)
    arg505_1 = rand_strided((64, 8), (8, 1), device='cpu', dtype=torch.float32)
    arg506_1 = rand_strided((), (), device='cpu', dtype=torch.float32)
    arg507_1 = rand_strided((8, 64), (64, 1), device='cpu', dtype=torch.float32)
    arg508_1 = rand_strided((64, 8), (8, 1), device='cpu', dtype=torch.float32)
    arg509_1 = rand_strided((), (), device='cpu', dtype=torch.float32)
    arg510_1 = rand_strided((64, 64), (64, 1), device='cpu', dtype=torch.float32)
    arg511_1 = rand_strided((8, 64), (64, 1), device='cpu', dtype=torch.float32)
    arg512_1 = rand_strided((64, 8), (8, 1), device='cpu', dtype=torch.float32)
    arg513_1 = rand_strided((), (), device='cpu', dtype=torch.float32)
    arg514_1 = rand_strided((8, 64), (64, 1), device='cpu', dtype=torch.float32)
    arg515_1 = rand_strided((64, 8), (8, 1), device='cpu', dtype=torch.float32)
    arg516_1 = rand_strided((), (), device='cpu', dtype=torch.float32)
    arg517_1 = rand_strided((64, 64), (64, 1), device='cpu', dtype=torch.float32)
    arg518_1 = rand_strided((8, 64), (64, 1), device='cpu', dtype=torch.float32)
    arg519_1 = rand_strided((64, 8), (8, 1), device='cpu', dtype=torch.float32)
    arg520_1 = rand_strided((), (), device='cpu', dtype=torch.float32)
    arg521_1 = rand_strided((8, 64), (64, 1), device='cpu', dtype=torch.float32)
    arg522_1 = rand_strided((64, 8), (8, 1), device='cpu', dtype=torch.float32)
    arg523_1 = rand_strided((), (), device='cpu', dtype=torch.float32)
    arg524_1 = rand_strided((64, 64), (64, 1), device='cpu', dtype=torch.float32)
    arg525_1 = rand_strided((64, ), (1, ), device='cpu', dtype=torch.float32)
    arg526_1 = rand_strided((8, 64), (64, 1), device='cpu', dtype=torch.float32)
    arg527_1 = rand_strided((64, 8), (8, 1), device='cpu', dtype=torch.float32)
    arg528_1 = rand_strided((), (), device='cpu', dtype=torch.float32)
    arg529_1 = rand_strided((8, 64), (64, 1), device='cpu', dtype=torch.float32)
    arg530_1 = rand_strided((64, 8), (8, 1), device='cpu', dtype=torch.float32)
    arg531_1 = rand_strided((), (), device='cpu', dtype=torch.float32)
    arg532_1 = rand_strided((64, ), (1, ), device='cpu', dtype=torch.float32)
    arg533_1 = rand_strided((64, ), (1, ), device='cpu', dtype=torch.float32)
    arg534_1 = rand_strided((64, 64), (64, 1), device='cpu', dtype=torch.float32)
    arg535_1 = rand_strided((8, 64), (64, 1), device='cpu', dtype=torch.float32)
    arg536_1 = rand_strided((64, 8), (8, 1), device='cpu', dtype=torch.float32)
    arg537_1 = rand_strided((), (), device='cpu', dtype=torch.float32)
    arg538_1 = rand_strided((8, 64), (64, 1), device='cpu', dtype=torch.float32)
    arg539_1 = rand_strided((64, 8), (8, 1), device='cpu', dtype=torch.float32)
    arg540_1 = rand_strided((), (), device='cpu', dtype=torch.float32)
    arg541_1 = rand_strided((64, 32), (32, 1), device='cpu', dtype=torch.float32)
    arg542_1 = rand_strided((8, 32), (32, 1), device='cpu', dtype=torch.float32)
    arg543_1 = rand_strided((64, 8), (8, 1), device='cpu', dtype=torch.float32)
    arg544_1 = rand_strided((), (), device='cpu', dtype=torch.float32)
    arg545_1 = rand_strided((8, 32), (32, 1), device='cpu', dtype=torch.float32)
    arg546_1 = rand_strided((64, 8), (8, 1), device='cpu', dtype=torch.float32)
    arg547_1 = rand_strided((), (), device='cpu', dtype=torch.float32)
    arg548_1 = rand_strided((64, 32), (32, 1), device='cpu', dtype=torch.float32)
    arg549_1 = rand_strided((8, 32), (32, 1), device='cpu', dtype=torch.float32)
    arg550_1 = rand_strided((64, 8), (8, 1), device='cpu', dtype=torch.float32)
    arg551_1 = rand_strided((), (), device='cpu', dtype=torch.float32)
    arg552_1 = rand_strided((8, 32), (32, 1), device='cpu', dtype=torch.float32)
    arg553_1 = rand_strided((64, 8), (8, 1), device='cpu', dtype=torch.float32)
    arg554_1 = rand_strided((), (), device='cpu', dtype=torch.float32)
    arg555_1 = rand_strided((64, 64), (64, 1), device='cpu', dtype=torch.float32)
    arg556_1 = rand_strided((64, ), (1, ), device='cpu', dtype=torch.float32)
    arg557_1 = rand_strided((8, 64), (64, 1), device='cpu', dtype=torch.float32)
    arg558_1 = rand_strided((64, 8), (8, 1), device='cpu', dtype=torch.float32)
    arg559_1 = rand_strided((), (), device='cpu', dtype=torch.float32)
    arg560_1 = rand_strided((8, 64), (64, 1), device='cpu', dtype=torch.float32)
    arg561_1 = rand_strided((64, 8), (8, 1), device='cpu', dtype=torch.float32)
    arg562_1 = rand_strided((), (), device='cpu', dtype=torch.float32)
    arg563_1 = rand_strided((64, ), (1, ), device='cpu', dtype=torch.float32)
    arg564_1 = rand_strided((64, ), (1, ), device='cpu', dtype=torch.float32)
    arg565_1 = rand_strided((512, 64), (64, 1), device='cpu', dtype=torch.float32)
    arg566_1 = rand_strided((512, ), (1, ), device='cpu', dtype=torch.float32)
    arg567_1 = rand_strided((64, 256), (256, 1), device='cpu', dtype=torch.float32)
    arg568_1 = rand_strided((64, ), (1, ), device='cpu', dtype=torch.float32)
    arg569_1 = rand_strided((64, 64, 1, 1), (64, 1, 64, 64), device='cpu', dtype=torch.float32)
    arg570_1 = rand_strided((64, ), (1, ), device='cpu', dtype=torch.float32)
    arg571_1 = rand_strided((64, 64, 3, 3), (576, 1, 192, 64), device='cpu', dtype=torch.float32)
    arg572_1 = rand_strided((64, ), (1, ), device='cpu', dtype=torch.float32)
    arg573_1 = rand_strided((128, ), (1, ), device='cpu', dtype=torch.float32)
    arg574_1 = rand_strided((128, ), (1, ), device='cpu', dtype=torch.float32)
    arg575_1 = rand_strided((64, 128, 3, 3), (1152, 1, 384, 128), device='cpu', dtype=torch.float32)
    arg576_1 = rand_strided((64, ), (1, ), device='cpu', dtype=torch.float32)
    arg577_1 = rand_strided((64, 128), (128, 1), device='cpu', dtype=torch.float32)
    arg578_1 = rand_strided((64, ), (1, ), device='cpu', dtype=torch.float32)
    arg579_1 = rand_strided((64, ), (1, ), device='cpu', dtype=torch.float32)
    arg580_1 = rand_strided((64, ), (1, ), device='cpu', dtype=torch.float32)
    arg581_1 = rand_strided((64, 64, 3, 3), (576, 1, 192, 64), device='cpu', dtype=torch.float32)
    arg582_1 = rand_strided((64, ), (1, ), device='cpu', dtype=torch.float32)
    arg583_1 = rand_strided((64, 128, 1, 1), (128, 1, 128, 128), device='cpu', dtype=torch.float32)
    arg584_1 = rand_strided((64, ), (1, ), device='cpu', dtype=torch.float32)
    arg585_1 = rand_strided((64, ), (1, ), device='cpu', dtype=torch.float32)
    arg586_1 = rand_strided((64, ), (1, ), device='cpu', dtype=torch.float32)
    arg587_1 = rand_strided((64, 64, 1, 1), (64, 1, 64, 64), device='cpu', dtype=torch.float32)
    arg588_1 = rand_strided((64, ), (1, ), device='cpu', dtype=torch.float32)
    arg589_1 = rand_strided((64, ), (1, ), device='cpu', dtype=torch.float32)
    arg590_1 = rand_strided((64, ), (1, ), device='cpu', dtype=torch.float32)
    arg591_1 = rand_strided((64, 64), (64, 1), device='cpu', dtype=torch.float32)
    arg592_1 = rand_strided((8, 64), (64, 1), device='cpu', dtype=torch.float32)
    arg593_1 = rand_strided((64, 8), (8, 1), device='cpu', dtype=torch.float32)
    arg594_1 = rand_strided((), (), device='cpu', dtype=torch.float32)
    arg595_1 = rand_strided((8, 64), (64, 1), device='cpu', dtype=torch.float32)
    arg596_1 = rand_strided((64, 8), (8, 1), device='cpu', dtype=torch.float32)
    arg597_1 = rand_strided((), (), device='cpu', dtype=torch.float32)
    arg598_1 = rand_strided((64, 64), (64, 1), device='cpu', dtype=torch.float32)
    arg599_1 = rand_strided((8, 64), (64, 1), device='cpu', dtype=torch.float32)
    arg600_1 = rand_strided((64, 8), (8, 1), device='cpu', dtype=torch.float32)
    arg601_1 = rand_strided((), (), device='cpu', dtype=torch.float32)
    arg602_1 = rand_strided((8, 64), (64, 1), device='cpu', dtype=torch.float32)
    arg603_1 = rand_strided((64, 8), (8, 1), device='cpu', dtype=torch.float32)
    arg604_1 = rand_strided((), (), device='cpu', dtype=torch.float32)
    arg605_1 = rand_strided((64, 64), (64, 1), device='cpu', dtype=torch.float32)
    arg606_1 = rand_strided((8, 64), (64, 1), device='cpu', dtype=torch.float32)
    arg607_1 = rand_strided((64, 8), (8, 1), device='cpu', dtype=torch.float32)
    arg608_1 = rand_strided((), (), device='cpu', dtype=torch.float32)
    arg609_1 = rand_strided((8, 64), (64, 1), device='cpu', dtype=torch.float32)
    arg610_1 = rand_strided((64, 8), (8, 1), device='cpu', dtype=torch.float32)
    arg611_1 = rand_strided((), (), device='cpu', dtype=torch.float32)
    arg612_1 = rand_strided((64, 64), (64, 1), device='cpu', dtype=torch.float32)
    arg613_1 = rand_strided((64, ), (1, ), device='cpu', dtype=torch.float32)
    arg614_1 = rand_strided((8, 64), (64, 1), device='cpu', dtype=torch.float32)
    arg615_1 = rand_strided((64, 8), (8, 1), device='cpu', dtype=torch.float32)
    arg616_1 = rand_strided((), (), device='cpu', dtype=torch.float32)
    arg617_1 = rand_strided((8, 64), (64, 1), device='cpu', dtype=torch.float32)
    arg618_1 = rand_strided((64, 8), (8, 1), device='cpu', dtype=torch.float32)
    arg619_1 = rand_strided((), (), device='cpu', dtype=torch.float32)
    arg620_1 = rand_strided((64, ), (1, ), device='cpu', dtype=torch.float32)
    arg621_1 = rand_strided((64, ), (1, ), device='cpu', dtype=torch.float32)
    arg622_1 = rand_strided((64, 64), (64, 1), device='cpu', dtype=torch.float32)
    arg623_1 = rand_strided((8, 64), (64, 1), device='cpu', dtype=torch.float32)
    arg624_1 = rand_strided((64, 8), (8, 1), device='cpu', dtype=torch.float32)
    arg625_1 = rand_strided((), (), device='cpu', dtype=torch.float32)
    arg626_1 = rand_strided((8, 64), (64, 1), device='cpu', dtype=torch.float32)
    arg627_1 = rand_strided((64, 8), (8, 1), device='cpu', dtype=torch.float32)
    arg628_1 = rand_strided((), (), device='cpu', dtype=torch.float32)
    arg629_1 = rand_strided((64, 32), (32, 1), device='cpu', dtype=torch.float32)
    arg630_1 = rand_strided((8, 32), (32, 1), device='cpu', dtype=torch.float32)
    arg631_1 = rand_strided((64, 8), (8, 1), device='cpu', dtype=torch.float32)
    arg632_1 = rand_strided((), (), device='cpu', dtype=torch.float32)
    arg633_1 = rand_strided((8, 32), (32, 1), device='cpu', dtype=torch.float32)
    arg634_1 = rand_strided((64, 8), (8, 1), device='cpu', dtype=torch.float32)
    arg635_1 = rand_strided((), (), device='cpu', dtype=torch.float32)
    arg636_1 = rand_strided((64, 32), (32, 1), device='cpu', dtype=torch.float32)
    arg637_1 = rand_strided((8, 32), (32, 1), device='cpu', dtype=torch.float32)
    arg638_1 = rand_strided((64, 8), (8, 1), device='cpu', dtype=torch.float32)
    arg639_1 = rand_strided((), (), device='cpu', dtype=torch.float32)
    arg640_1 = rand_strided((8, 32), (32, 1), device='cpu', dtype=torch.float32)
    arg641_1 = rand_strided((64, 8), (8, 1), device='cpu', dtype=torch.float32)
    arg642_1 = rand_strided((), (), device='cpu', dtype=torch.float32)
    arg643_1 = rand_strided((64, 64), (64, 1), device='cpu', dtype=torch.float32)
    arg644_1 = rand_strided((64, ), (1, ), device='cpu', dtype=torch.float32)
    arg645_1 = rand_strided((8, 64), (64, 1), device='cpu', dtype=torch.float32)
    arg646_1 = rand_strided((64, 8), (8, 1), device='cpu', dtype=torch.float32)
    arg647_1 = rand_strided((), (), device='cpu', dtype=torch.float32)
    arg648_1 = rand_strided((8, 64), (64, 1), device='cpu', dtype=torch.float32)
    arg649_1 = rand_strided((64, 8), (8, 1), device='cpu', dtype=torch.float32)
    arg650_1 = rand_strided((), (), device='cpu', dtype=torch.float32)
    arg651_1 = rand_strided((64, ), (1, ), device='cpu', dtype=torch.float32)
    arg652_1 = rand_strided((64, ), (1, ), device='cpu', dtype=torch.float32)
    arg653_1 = rand_strided((512, 64), (64, 1), device='cpu', dtype=torch.float32)
    arg654_1 = rand_strided((512, ), (1, ), device='cpu', dtype=torch.float32)
    arg655_1 = rand_strided((64, 256), (256, 1), device='cpu', dtype=torch.float32)
    arg656_1 = rand_strided((64, ), (1, ), device='cpu', dtype=torch.float32)
    arg657_1 = rand_strided((64, 64, 1, 1), (64, 1, 64, 64), device='cpu', dtype=torch.float32)
    arg658_1 = rand_strided((64, ), (1, ), device='cpu', dtype=torch.float32)
    arg659_1 = rand_strided((96, ), (1, ), device='cpu', dtype=torch.float32)
    arg660_1 = rand_strided((96, ), (1, ), device='cpu', dtype=torch.float32)
    arg661_1 = rand_strided((64, 96, 3, 3), (864, 1, 288, 96), device='cpu', dtype=torch.float32)
    arg662_1 = rand_strided((64, ), (1, ), device='cpu', dtype=torch.float32)
    arg663_1 = rand_strided((64, 128), (128, 1), device='cpu', dtype=torch.float32)
    arg664_1 = rand_strided((64, ), (1, ), device='cpu', dtype=torch.float32)
    arg665_1 = rand_strided((64, ), (1, ), device='cpu', dtype=torch.float32)
    arg666_1 = rand_strided((64, ), (1, ), device='cpu', dtype=torch.float32)
    arg667_1 = rand_strided((64, 64, 3, 3), (576, 1, 192, 64), device='cpu', dtype=torch.float32)
    arg668_1 = rand_strided((64, ), (1, ), device='cpu', dtype=torch.float32)
    arg669_1 = rand_strided((64, 96, 1, 1), (96, 1, 96, 96), device='cpu', dtype=torch.float32)
    arg670_1 = rand_strided((64, ), (1, ), device='cpu', dtype=torch.float32)
    arg671_1 = rand_strided((64, ), (1, ), device='cpu', dtype=torch.float32)
    arg672_1 = rand_strided((64, ), (1, ), device='cpu', dtype=torch.float32)
    arg673_1 = rand_strided((64, 64, 1, 1), (64, 1, 64, 64), device='cpu', dtype=torch.float32)
    arg674_1 = rand_strided((64, ), (1, ), device='cpu', dtype=torch.float32)
    arg675_1 = rand_strided((64, ), (1, ), device='cpu', dtype=torch.float32)
    arg676_1 = rand_strided((64, ), (1, ), device='cpu', dtype=torch.float32)
    arg677_1 = rand_strided((64, 64), (64, 1), device='cpu', dtype=torch.float32)
    arg678_1 = rand_strided((8, 64), (64, 1), device='cpu', dtype=torch.float32)
    arg679_1 = rand_strided((64, 8), (8, 1), device='cpu', dtype=torch.float32)
    arg680_1 = rand_strided((), (), device='cpu', dtype=torch.float32)
    arg681_1 = rand_strided((8, 64), (64, 1), device='cpu', dtype=torch.float32)
    arg682_1 = rand_strided((64, 8), (8, 1), device='cpu', dtype=torch.float32)
    arg683_1 = rand_strided((), (), device='cpu', dtype=torch.float32)
    arg684_1 = rand_strided((64, 64), (64, 1), device='cpu', dtype=torch.float32)
    arg685_1 = rand_strided((8, 64), (64, 1), device='cpu', dtype=torch.float32)
    arg686_1 = rand_strided((64, 8), (8, 1), device='cpu', dtype=torch.float32)
    arg687_1 = rand_strided((), (), device='cpu', dtype=torch.float32)
    arg688_1 = rand_strided((8, 64), (64, 1), device='cpu', dtype=torch.float32)
    arg689_1 = rand_strided((64, 8), (8, 1), device='cpu', dtype=torch.float32)
    arg690_1 = rand_strided((), (), device='cpu', dtype=torch.float32)
    arg691_1 = rand_strided((64, 64), (64, 1), device='cpu', dtype=torch.float32)
    arg692_1 = rand_strided((8, 64), (64, 1), device='cpu', dtype=torch.float32)
    arg693_1 = rand_strided((64, 8), (8, 1), device='cpu', dtype=torch.float32)
    arg694_1 = rand_strided((), (), device='cpu', dtype=torch.float32)
    arg695_1 = rand_strided((8, 64), (64, 1), device='cpu', dtype=torch.float32)
    arg696_1 = rand_strided((64, 8), (8, 1), device='cpu', dtype=torch.float32)
    arg697_1 = rand_strided((), (), device='cpu', dtype=torch.float32)
    arg698_1 = rand_strided((64, 64), (64, 1), device='cpu', dtype=torch.float32)
    arg699_1 = rand_strided((64, ), (1, ), device='cpu', dtype=torch.float32)
    arg700_1 = rand_strided((8, 64), (64, 1), device='cpu', dtype=torch.float32)
    arg701_1 = rand_strided((64, 8), (8, 1), device='cpu', dtype=torch.float32)
    arg702_1 = rand_strided((), (), device='cpu', dtype=torch.float32)
    arg703_1 = rand_strided((8, 64), (64, 1), device='cpu', dtype=torch.float32)
    arg704_1 = rand_strided((64, 8), (8, 1), device='cpu', dtype=torch.float32)
    arg705_1 = rand_strided((), (), device='cpu', dtype=torch.float32)
    arg706_1 = rand_strided((64, ), (1, ), device='cpu', dtype=torch.float32)
    arg707_1 = rand_strided((64, ), (1, ), device='cpu', dtype=torch.float32)
    arg708_1 = rand_strided((64, 64), (64, 1), device='cpu', dtype=torch.float32)
    arg709_1 = rand_strided((8, 64), (64, 1), device='cpu', dtype=torch.float32)
    arg710_1 = rand_strided((64, 8), (8, 1), device='cpu', dtype=torch.float32)
    arg711_1 = rand_strided((), (), device='cpu', dtype=torch.float32)
    arg712_1 = rand_strided((8, 64), (64, 1), device='cpu', dtype=torch.float32)
    arg713_1 = rand_strided((64, 8), (8, 1), device='cpu', dtype=torch.float32)
    arg714_1 = rand_strided((), (), device='cpu', dtype=torch.float32)
    arg715_1 = rand_strided((64, 32), (32, 1), device='cpu', dtype=torch.float32)
    arg716_1 = rand_strided((8, 32), (32, 1), device='cpu', dtype=torch.float32)
    arg717_1 = rand_strided((64, 8), (8, 1), device='cpu', dtype=torch.float32)
    arg718_1 = rand_strided((), (), device='cpu', dtype=torch.float32)
    arg719_1 = rand_strided((8, 32), (32, 1), device='cpu', dtype=torch.float32)
    arg720_1 = rand_strided((64, 8), (8, 1), device='cpu', dtype=torch.float32)
    arg721_1 = rand_strided((), (), device='cpu', dtype=torch.float32)
    arg722_1 = rand_strided((64, 32), (32, 1), device='cpu', dtype=torch.float32)
    arg723_1 = rand_strided((8, 32), (32, 1), device='cpu', dtype=torch.float32)
    arg724_1 = rand_strided((64, 8), (8, 1), device='cpu', dtype=torch.float32)
    arg725_1 = rand_strided((), (), device='cpu', dtype=torch.float32)
    arg726_1 = rand_strided((8, 32), (32, 1), device='cpu', dtype=torch.float32)
    arg727_1 = rand_strided((64, 8), (8, 1), device='cpu', dtype=torch.float32)
    arg728_1 = rand_strided((), (), device='cpu', dtype=torch.float32)
    arg729_1 = rand_strided((64, 64), (64, 1), device='cpu', dtype=torch.float32)
    arg730_1 = rand_strided((64, ), (1, ), device='cpu', dtype=torch.float32)
    arg731_1 = rand_strided((8, 64), (64, 1), device='cpu', dtype=torch.float32)
    arg732_1 = rand_strided((64, 8), (8, 1), device='cpu', dtype=torch.float32)
    arg733_1 = rand_strided((), (), device='cpu', dtype=torch.float32)
    arg734_1 = rand_strided((8, 64), (64, 1), device='cpu', dtype=torch.float32)
    arg735_1 = rand_strided((64, 8), (8, 1), device='cpu', dtype=torch.float32)
    arg736_1 = rand_strided((), (), device='cpu', dtype=torch.float32)
    arg737_1 = rand_strided((64, ), (1, ), device='cpu', dtype=torch.float32)
    arg738_1 = rand_strided((64, ), (1, ), device='cpu', dtype=torch.float32)
    arg739_1 = rand_strided((512, 64), (64, 1), device='cpu', dtype=torch.float32)
    arg740_1 = rand_strided((512, ), (1, ), device='cpu', dtype=torch.float32)
    arg741_1 = rand_strided((64, 256), (256, 1), device='cpu', dtype=torch.float32)
    arg742_1 = rand_strided((64, ), (1, ), device='cpu', dtype=torch.float32)
    arg743_1 = rand_strided((64, 64, 1, 1), (64, 1, 64, 64), device='cpu', dtype=torch.float32)
    arg744_1 = rand_strided((64, ), (1, ), device='cpu', dtype=torch.float32)
    arg745_1 = rand_strided((64, 64, 3, 3), (576, 1, 192, 64), device='cpu', dtype=torch.float32)
    arg746_1 = rand_strided((64, ), (1, ), device='cpu', dtype=torch.float32)
    arg747_1 = rand_strided((96, ), (1, ), device='cpu', dtype=torch.float32)
    arg748_1 = rand_strided((96, ), (1, ), device='cpu', dtype=torch.float32)
    arg749_1 = rand_strided((32, 96, 3, 3), (864, 1, 288, 96), device='cpu', dtype=torch.float32)
    arg750_1 = rand_strided((32, ), (1, ), device='cpu', dtype=torch.float32)
    arg751_1 = rand_strided((32, 128), (128, 1), device='cpu', dtype=torch.float32)
    arg752_1 = rand_strided((32, ), (1, ), device='cpu', dtype=torch.float32)
    arg753_1 = rand_strided((32, ), (1, ), device='cpu', dtype=torch.float32)
    arg754_1 = rand_strided((32, ), (1, ), device='cpu', dtype=torch.float32)
    arg755_1 = rand_strided((32, 32, 3, 3), (288, 1, 96, 32), device='cpu', dtype=torch.float32)
    arg756_1 = rand_strided((32, ), (1, ), device='cpu', dtype=torch.float32)
    arg757_1 = rand_strided((32, 96, 1, 1), (96, 1, 96, 96), device='cpu', dtype=torch.float32)
    arg758_1 = rand_strided((32, ), (1, ), device='cpu', dtype=torch.float32)
    arg759_1 = rand_strided((32, ), (1, ), device='cpu', dtype=torch.float32)
    arg760_1 = rand_strided((32, ), (1, ), device='cpu', dtype=torch.float32)
    arg761_1 = rand_strided((32, 32, 1, 1), (32, 1, 32, 32), device='cpu', dtype=torch.float32)
    arg762_1 = rand_strided((32, ), (1, ), device='cpu', dtype=torch.float32)
    arg763_1 = rand_strided((32, ), (1, ), device='cpu', dtype=torch.float32)
    arg764_1 = rand_strided((32, ), (1, ), device='cpu', dtype=torch.float32)
    arg765_1 = rand_strided((32, 32), (32, 1), device='cpu', dtype=torch.float32)
    arg766_1 = rand_strided((8, 32), (32, 1), device='cpu', dtype=torch.float32)
    arg767_1 = rand_strided((32, 8), (8, 1), device='cpu', dtype=torch.float32)
    arg768_1 = rand_strided((), (), device='cpu', dtype=torch.float32)
    arg769_1 = rand_strided((8, 32), (32, 1), device='cpu', dtype=torch.float32)
    arg770_1 = rand_strided((32, 8), (8, 1), device='cpu', dtype=torch.float32)
    arg771_1 = rand_strided((), (), device='cpu', dtype=torch.float32)
    arg772_1 = rand_strided((32, 32), (32, 1), device='cpu', dtype=torch.float32)
    arg773_1 = rand_strided((8, 32), (32, 1), device='cpu', dtype=torch.float32)
    arg774_1 = rand_strided((32, 8), (8, 1), device='cpu', dtype=torch.float32)
    arg775_1 = rand_strided((), (), device='cpu', dtype=torch.float32)
    arg776_1 = rand_strided((8, 32), (32, 1), device='cpu', dtype=torch.float32)
    arg777_1 = rand_strided((32, 8), (8, 1), device='cpu', dtype=torch.float32)
    arg778_1 = rand_strided((), (), device='cpu', dtype=torch.float32)
    arg779_1 = rand_strided((32, 32), (32, 1), device='cpu', dtype=torch.float32)
    arg780_1 = rand_strided((8, 32), (32, 1), device='cpu', dtype=torch.float32)
    arg781_1 = rand_strided((32, 8), (8, 1), device='cpu', dtype=torch.float32)
    arg782_1 = rand_strided((), (), device='cpu', dtype=torch.float32)
    arg783_1 = rand_strided((8, 32), (32, 1), device='cpu', dtype=torch.float32)
    arg784_1 = rand_strided((32, 8), (8, 1), device='cpu', dtype=torch.float32)
    arg785_1 = rand_strided((), (), device='cpu', dtype=torch.float32)
    arg786_1 = rand_strided((32, 32), (32, 1), device='cpu', dtype=torch.float32)
    arg787_1 = rand_strided((32, ), (1, ), device='cpu', dtype=torch.float32)
    arg788_1 = rand_strided((8, 32), (32, 1), device='cpu', dtype=torch.float32)
    arg789_1 = rand_strided((32, 8), (8, 1), device='cpu', dtype=torch.float32)
    arg790_1 = rand_strided((), (), device='cpu', dtype=torch.float32)
    arg791_1 = rand_strided((8, 32), (32, 1), device='cpu', dtype=torch.float32)
    arg792_1 = rand_strided((32, 8), (8, 1), device='cpu', dtype=torch.float32)
    arg793_1 = rand_strided((), (), device='cpu', dtype=torch.float32)
    arg794_1 = rand_strided((32, ), (1, ), device='cpu', dtype=torch.float32)
    arg795_1 = rand_strided((32, ), (1, ), device='cpu', dtype=torch.float32)
    arg796_1 = rand_strided((32, 32), (32, 1), device='cpu', dtype=torch.float32)
    arg797_1 = rand_strided((8, 32), (32, 1), device='cpu', dtype=torch.float32)
    arg798_1 = rand_strided((32, 8), (8, 1), device='cpu', dtype=torch.float32)
    arg799_1 = rand_strided((), (), device='cpu', dtype=torch.float32)
    arg800_1 = rand_strided((8, 32), (32, 1), device='cpu', dtype=torch.float32)
    arg801_1 = rand_strided((32, 8), (8, 1), device='cpu', dtype=torch.float32)
    arg802_1 = rand_strided((), (), device='cpu', dtype=torch.float32)
    arg803_1 = rand_strided((32, 32), (32, 1), device='cpu', dtype=torch.float32)
    arg804_1 = rand_strided((8, 32), (32, 1), device='cpu', dtype=torch.float32)
    arg805_1 = rand_strided((32, 8), (8, 1), device='cpu', dtype=torch.float32)
    arg806_1 = rand_strided((), (), device='cpu', dtype=torch.float32)
    arg807_1 = rand_strided((8, 32), (32, 1), device='cpu', dtype=torch.float32)
    arg808_1 = rand_strided((32, 8), (8, 1), device='cpu', dtype=torch.float32)
    arg809_1 = rand_strided((), (), device='cpu', dtype=torch.float32)
    arg810_1 = rand_strided((32, 32), (32, 1), device='cpu', dtype=torch.float32)
    arg811_1 = rand_strided((8, 32), (32, 1), device='cpu', dtype=torch.float32)
    arg812_1 = rand_strided((32, 8), (8, 1), device='cpu', dtype=torch.float32)
    arg813_1 = rand_strided((), (), device='cpu', dtype=torch.float32)
    arg814_1 = rand_strided((8, 32), (32, 1), device='cpu', dtype=torch.float32)
    arg815_1 = rand_strided((32, 8), (8, 1), device='cpu', dtype=torch.float32)
    arg816_1 = rand_strided((), (), device='cpu', dtype=torch.float32)
    arg817_1 = rand_strided((32, 32), (32, 1), device='cpu', dtype=torch.float32)
    arg818_1 = rand_strided((32, ), (1, ), device='cpu', dtype=torch.float32)
    arg819_1 = rand_strided((8, 32), (32, 1), device='cpu', dtype=torch.float32)
    arg820_1 = rand_strided((32, 8), (8, 1), device='cpu', dtype=torch.float32)
    arg821_1 = rand_strided((), (), device='cpu', dtype=torch.float32)
    arg822_1 = rand_strided((8, 32), (32, 1), device='cpu', dtype=torch.float32)
    arg823_1 = rand_strided((32, 8), (8, 1), device='cpu', dtype=torch.float32)
    arg824_1 = rand_strided((), (), device='cpu', dtype=torch.float32)
    arg825_1 = rand_strided((32, ), (1, ), device='cpu', dtype=torch.float32)
    arg826_1 = rand_strided((32, ), (1, ), device='cpu', dtype=torch.float32)
    arg827_1 = rand_strided((256, 32), (32, 1), device='cpu', dtype=torch.float32)
    arg828_1 = rand_strided((256, ), (1, ), device='cpu', dtype=torch.float32)
    arg829_1 = rand_strided((32, 128), (128, 1), device='cpu', dtype=torch.float32)
    arg830_1 = rand_strided((32, ), (1, ), device='cpu', dtype=torch.float32)
    arg831_1 = rand_strided((32, 32, 1, 1), (32, 1, 32, 32), device='cpu', dtype=torch.float32)
    arg832_1 = rand_strided((32, ), (1, ), device='cpu', dtype=torch.float32)
    arg833_1 = rand_strided((64, ), (1, ), device='cpu', dtype=torch.float32)
    arg834_1 = rand_strided((64, ), (1, ), device='cpu', dtype=torch.float32)
    arg835_1 = rand_strided((32, 64, 3, 3), (576, 1, 192, 64), device='cpu', dtype=torch.float32)
    arg836_1 = rand_strided((32, ), (1, ), device='cpu', dtype=torch.float32)
    arg837_1 = rand_strided((32, 128), (128, 1), device='cpu', dtype=torch.float32)
    arg838_1 = rand_strided((32, ), (1, ), device='cpu', dtype=torch.float32)
    arg839_1 = rand_strided((32, ), (1, ), device='cpu', dtype=torch.float32)
    arg840_1 = rand_strided((32, ), (1, ), device='cpu', dtype=torch.float32)
    arg841_1 = rand_strided((32, 32, 3, 3), (288, 1, 96, 32), device='cpu', dtype=torch.float32)
    arg842_1 = rand_strided((32, ), (1, ), device='cpu', dtype=torch.float32)
    arg843_1 = rand_strided((32, 64, 1, 1), (64, 1, 64, 64), device='cpu', dtype=torch.float32)
    arg844_1 = rand_strided((32, ), (1, ), device='cpu', dtype=torch.float32)
    arg845_1 = rand_strided((32, ), (1, ), device='cpu', dtype=torch.float32)
    arg846_1 = rand_strided((32, ), (1, ), device='cpu', dtype=torch.float32)
    arg847_1 = rand_strided((32, 32, 1, 1), (32, 1, 32, 32), device='cpu', dtype=torch.float32)
    arg848_1 = rand_strided((32, ), (1, ), device='cpu', dtype=torch.float32)
    arg849_1 = rand_strided((32, ), (1, ), device='cpu', dtype=torch.float32)
    arg850_1 = rand_strided((32, ), (1, ), device='cpu', dtype=torch.float32)
    arg851_1 = rand_strided((32, 32), (32, 1), device='cpu', dtype=torch.float32)
    arg852_1 = rand_strided((8, 32), (32, 1), device='cpu', dtype=torch.float32)
    arg853_1 = rand_strided((32, 8), (8, 1), device='cpu', dtype=torch.float32)
    arg854_1 = rand_strided((), (), device='cpu', dtype=torch.float32)
    arg855_1 = rand_strided((8, 32), (32, 1), device='cpu', dtype=torch.float32)
    arg856_1 = rand_strided((32, 8), (8, 1), device='cpu', dtype=torch.float32)
    arg857_1 = rand_strided((), (), device='cpu', dtype=torch.float32)
    arg858_1 = rand_strided((32, 32), (32, 1), device='cpu', dtype=torch.float32)
    arg859_1 = rand_strided((8, 32), (32, 1), device='cpu', dtype=torch.float32)
    arg860_1 = rand_strided((32, 8), (8, 1), device='cpu', dtype=torch.float32)
    arg861_1 = rand_strided((), (), device='cpu', dtype=torch.float32)
    arg862_1 = rand_strided((8, 32), (32, 1), device='cpu', dtype=torch.float32)
    arg863_1 = rand_strided((32, 8), (8, 1), device='cpu', dtype=torch.float32)
    arg864_1 = rand_strided((), (), device='cpu', dtype=torch.float32)
    arg865_1 = rand_strided((32, 32), (32, 1), device='cpu', dtype=torch.float32)
    arg866_1 = rand_strided((8, 32), (32, 1), device='cpu', dtype=torch.float32)
    arg867_1 = rand_strided((32, 8), (8, 1), device='cpu', dtype=torch.float32)
    arg868_1 = rand_strided((), (), device='cpu', dtype=torch.float32)
    arg869_1 = rand_strided((8, 32), (32, 1), device='cpu', dtype=torch.float32)
    arg870_1 = rand_strided((32, 8), (8, 1), device='cpu', dtype=torch.float32)
    arg871_1 = rand_strided((), (), device='cpu', dtype=torch.float32)
    arg872_1 = rand_strided((32, 32), (32, 1), device='cpu', dtype=torch.float32)
    arg873_1 = rand_strided((32, ), (1, ), device='cpu', dtype=torch.float32)
    arg874_1 = rand_strided((8, 32), (32, 1), device='cpu', dtype=torch.float32)
    arg875_1 = rand_strided((32, 8), (8, 1), device='cpu', dtype=torch.float32)
    arg876_1 = rand_strided((), (), device='cpu', dtype=torch.float32)
    arg877_1 = rand_strided((8, 32), (32, 1), device='cpu', dtype=torch.float32)
    arg878_1 = rand_strided((32, 8), (8, 1), device='cpu', dtype=torch.float32)
    arg879_1 = rand_strided((), (), device='cpu', dtype=torch.float32)
    arg880_1 = rand_strided((32, ), (1, ), device='cpu', dtype=torch.float32)
    arg881_1 = rand_strided((32, ), (1, ), device='cpu', dtype=torch.float32)
    arg882_1 = rand_strided((32, 32), (32, 1), device='cpu', dtype=torch.float32)
    arg883_1 = rand_strided((8, 32), (32, 1), device='cpu', dtype=torch.float32)
    arg884_1 = rand_strided((32, 8), (8, 1), device='cpu', dtype=torch.float32)
    arg885_1 = rand_strided((), (), device='cpu', dtype=torch.float32)
    arg886_1 = rand_strided((8, 32), (32, 1), device='cpu', dtype=torch.float32)
    arg887_1 = rand_strided((32, 8), (8, 1), device='cpu', dtype=torch.float32)
    arg888_1 = rand_strided((), (), device='cpu', dtype=torch.float32)
    arg889_1 = rand_strided((32, 32), (32, 1), device='cpu', dtype=torch.float32)
    arg890_1 = rand_strided((8, 32), (32, 1), device='cpu', dtype=torch.float32)
    arg891_1 = rand_strided((32, 8), (8, 1), device='cpu', dtype=torch.float32)
    arg892_1 = rand_strided((), (), device='cpu', dtype=torch.float32)
    arg893_1 = rand_strided((8, 32), (32, 1), device='cpu', dtype=torch.float32)
    arg894_1 = rand_strided((32, 8), (8, 1), device='cpu', dtype=torch.float32)
    arg895_1 = rand_strided((), (), device='cpu', dtype=torch.float32)
    arg896_1 = rand_strided((32, 32), (32, 1), device='cpu', dtype=torch.float32)
    arg897_1 = rand_strided((8, 32), (32, 1), device='cpu', dtype=torch.float32)
    arg898_1 = rand_strided((32, 8), (8, 1), device='cpu', dtype=torch.float32)
    arg899_1 = rand_strided((), (), device='cpu', dtype=torch.float32)
    arg900_1 = rand_strided((8, 32), (32, 1), device='cpu', dtype=torch.float32)
    arg901_1 = rand_strided((32, 8), (8, 1), device='cpu', dtype=torch.float32)
    arg902_1 = rand_strided((), (), device='cpu', dtype=torch.float32)
    arg903_1 = rand_strided((32, 32), (32, 1), device='cpu', dtype=torch.float32)
    arg904_1 = rand_strided((32, ), (1, ), device='cpu', dtype=torch.float32)
    arg905_1 = rand_strided((8, 32), (32, 1), device='cpu', dtype=torch.float32)
    arg906_1 = rand_strided((32, 8), (8, 1), device='cpu', dtype=torch.float32)
    arg907_1 = rand_strided((), (), device='cpu', dtype=torch.float32)
    arg908_1 = rand_strided((8, 32), (32, 1), device='cpu', dtype=torch.float32)
    arg909_1 = rand_strided((32, 8), (8, 1), device='cpu', dtype=torch.float32)
    arg910_1 = rand_strided((), (), device='cpu', dtype=torch.float32)
    arg911_1 = rand_strided((32, ), (1, ), device='cpu', dtype=torch.float32)
    arg912_1 = rand_strided((32, ), (1, ), device='cpu', dtype=torch.float32)
    arg913_1 = rand_strided((256, 32), (32, 1), device='cpu', dtype=torch.float32)
    arg914_1 = rand_strided((256, ), (1, ), device='cpu', dtype=torch.float32)
    arg915_1 = rand_strided((32, 128), (128, 1), device='cpu', dtype=torch.float32)
    arg916_1 = rand_strided((32, ), (1, ), device='cpu', dtype=torch.float32)
    arg917_1 = rand_strided((32, 32, 1, 1), (32, 1, 32, 32), device='cpu', dtype=torch.float32)
    arg918_1 = rand_strided((32, ), (1, ), device='cpu', dtype=torch.float32)
    arg919_1 = rand_strided((32, ), (1, ), device='cpu', dtype=torch.float32)
    arg920_1 = rand_strided((32, ), (1, ), device='cpu', dtype=torch.float32)
    arg921_1 = rand_strided((4, 32, 3, 3), (288, 1, 96, 32), device='cpu', dtype=torch.float32)
    arg922_1 = rand_strided((4, ), (1, ), device='cpu', dtype=torch.float32)
    return [arg0_1, arg1_1, arg2_1, arg3_1, arg4_1, arg5_1, arg6_1, arg7_1, arg8_1, arg9_1, arg10_1, arg11_1, arg12_1, arg13_1, arg14_1, arg15_1, arg16_1, arg17_1, arg18_1, arg19_1, arg20_1, arg21_1, arg22_1, arg23_1, arg24_1, arg25_1, arg26_1, arg27_1, arg28_1, arg29_1, arg30_1, arg31_1, arg32_1, arg33_1, arg34_1, arg35_1, arg36_1, arg37_1, arg38_1, arg39_1, arg40_1, arg41_1, arg42_1, arg43_1, arg44_1, arg45_1, arg46_1, arg47_1, arg48_1, arg49_1, arg50_1, arg51_1, arg52_1, arg53_1, arg54_1, arg55_1, arg56_1, arg57_1, arg58_1, arg59_1, arg60_1, arg61_1, arg62_1, arg63_1, arg64_1, arg65_1, arg66_1, arg67_1, arg68_1, arg69_1, arg70_1, arg71_1, arg72_1, arg73_1, arg74_1, arg75_1, arg76_1, arg77_1, arg78_1, arg79_1, arg80_1, arg81_1, arg82_1, arg83_1, arg84_1, arg85_1, arg86_1, arg87_1, arg88_1, arg89_1, arg90_1, arg91_1, arg92_1, arg93_1, arg94_1, arg95_1, arg96_1, arg97_1, arg98_1, arg99_1, arg100_1, arg101_1, arg102_1, arg103_1, arg104_1, arg105_1, arg106_1, arg107_1, arg108_1, arg109_1, arg110_1, arg111_1, arg112_1, arg113_1, arg114_1, arg115_1, arg116_1, arg117_1, arg118_1, arg119_1, arg120_1, arg121_1, arg122_1, arg123_1, arg124_1, arg125_1, arg126_1, arg127_1, arg128_1, arg129_1, arg130_1, arg131_1, arg132_1, arg133_1, arg134_1, arg135_1, arg136_1, arg137_1, arg138_1, arg139_1, arg140_1, arg141_1, arg142_1, arg143_1, arg144_1, arg145_1, arg146_1, arg147_1, arg148_1, arg149_1, arg150_1, arg151_1, arg152_1, arg153_1, arg154_1, arg155_1, arg156_1, arg157_1, arg158_1, arg159_1, arg160_1, arg161_1, arg162_1, arg163_1, arg164_1, arg165_1, arg166_1, arg167_1, arg168_1, arg169_1, arg170_1, arg171_1, arg172_1, arg173_1, arg174_1, arg175_1, arg176_1, arg177_1, arg178_1, arg179_1, arg180_1, arg181_1, arg182_1, arg183_1, arg184_1, arg185_1, arg186_1, arg187_1, arg188_1, arg189_1, arg190_1, arg191_1, arg192_1, arg193_1, arg194_1, arg195_1, arg196_1, arg197_1, arg198_1, arg199_1, arg200_1, arg201_1, arg202_1, arg203_1, arg204_1, arg205_1, arg206_1, arg207_1, arg208_1, arg209_1, arg210_1, arg211_1, arg212_1, arg213_1, arg214_1, arg215_1, arg216_1, arg217_1, arg218_1, arg219_1, arg220_1, arg221_1, arg222_1, arg223_1, arg224_1, arg225_1, arg226_1, arg227_1, arg228_1, arg229_1, arg230_1, arg231_1, arg232_1, arg233_1, arg234_1, arg235_1, arg236_1, arg237_1, arg238_1, arg239_1, arg240_1, arg241_1, arg242_1, arg243_1, arg244_1, arg245_1, arg246_1, arg247_1, arg248_1, arg249_1, arg250_1, arg251_1, arg252_1, arg253_1, arg254_1, arg255_1, arg256_1, arg257_1, arg258_1, arg259_1, arg260_1, arg261_1, arg262_1, arg263_1, arg264_1, arg265_1, arg266_1, arg267_1, arg268_1, arg269_1, arg270_1, arg271_1, arg272_1, arg273_1, arg274_1, arg275_1, arg276_1, arg277_1, arg278_1, arg279_1, arg280_1, arg281_1, arg282_1, arg283_1, arg284_1, arg285_1, arg286_1, arg287_1, arg288_1, arg289_1, arg290_1, arg291_1, arg292_1, arg293_1, arg294_1, arg295_1, arg296_1, arg297_1, arg298_1, arg299_1, arg300_1, arg301_1, arg302_1, arg303_1, arg304_1, arg305_1, arg306_1, arg307_1, arg308_1, arg309_1, arg310_1, arg311_1, arg312_1, arg313_1, arg314_1, arg315_1, arg316_1, arg317_1, arg318_1, arg319_1, arg320_1, arg321_1, arg322_1, arg323_1, arg324_1, arg325_1, arg326_1, arg327_1, arg328_1, arg329_1, arg330_1, arg331_1, arg332_1, arg333_1, arg334_1, arg335_1, arg336_1, arg337_1, arg338_1, arg339_1, arg340_1, arg341_1, arg342_1, arg343_1, arg344_1, arg345_1, arg346_1, arg347_1, arg348_1, arg349_1, arg350_1, arg351_1, arg352_1, arg353_1, arg354_1, arg355_1, arg356_1, arg357_1, arg358_1, arg359_1, arg360_1, arg361_1, arg362_1, arg363_1, arg364_1, arg365_1, arg366_1, arg367_1, arg368_1, arg369_1, arg370_1, arg371_1, arg372_1, arg373_1, arg374_1, arg375_1, arg376_1, arg377_1, arg378_1, arg379_1, arg380_1, arg381_1, arg382_1, arg383_1, arg384_1, arg385_1, arg386_1, arg387_1, arg388_1, arg389_1, arg390_1, arg391_1, arg392_1, arg393_1, arg394_1, arg395_1, arg396_1, arg397_1, arg398_1, arg399_1, arg400_1, arg401_1, arg402_1, arg403_1, arg404_1, arg405_1, arg406_1, arg407_1, arg408_1, arg409_1, arg410_1, arg411_1, arg412_1, arg413_1, arg414_1, arg415_1, arg416_1, arg417_1, arg418_1, arg419_1, arg420_1, arg421_1, arg422_1, arg423_1, arg424_1, arg425_1, arg426_1, arg427_1, arg428_1, arg429_1, arg430_1, arg431_1, arg432_1, arg433_1, arg434_1, arg435_1, arg436_1, arg437_1, arg438_1, arg439_1, arg440_1, arg441_1, arg442_1, arg443_1, arg444_1, arg445_1, arg446_1, arg447_1, arg448_1, arg449_1, arg450_1, arg451_1, arg452_1, arg453_1, arg454_1, arg455_1, arg456_1, arg457_1, arg458_1, arg459_1, arg460_1, arg461_1, arg462_1, arg463_1, arg464_1, arg465_1, arg466_1, arg467_1, arg468_1, arg469_1, arg470_1, arg471_1, arg472_1, arg473_1, arg474_1, arg475_1, arg476_1, arg477_1, arg478_1, arg479_1, arg480_1, arg481_1, arg482_1, arg483_1, arg484_1, arg485_1, arg486_1, arg487_1, arg488_1, arg489_1, arg490_1, arg491_1, arg492_1, arg493_1, arg494_1, arg495_1, arg496_1, arg497_1, arg498_1, arg499_1, arg500_1, arg501_1, arg502_1, arg503_1, arg504_1, arg505_1, arg506_1, arg507_1, arg508_1, arg509_1, arg510_1, arg511_1, arg512_1, arg513_1, arg514_1, arg515_1, arg516_1, arg517_1, arg518_1, arg519_1, arg520_1, arg521_1, arg522_1, arg523_1, arg524_1, arg525_1, arg526_1, arg527_1, arg528_1, arg529_1, arg530_1, arg531_1, arg532_1, arg533_1, arg534_1, arg535_1, arg536_1, arg537_1, arg538_1, arg539_1, arg540_1, arg541_1, arg542_1, arg543_1, arg544_1, arg545_1, arg546_1, arg547_1, arg548_1, arg549_1, arg550_1, arg551_1, arg552_1, arg553_1, arg554_1, arg555_1, arg556_1, arg557_1, arg558_1, arg559_1, arg560_1, arg561_1, arg562_1, arg563_1, arg564_1, arg565_1, arg566_1, arg567_1, arg568_1, arg569_1, arg570_1, arg571_1, arg572_1, arg573_1, arg574_1, arg575_1, arg576_1, arg577_1, arg578_1, arg579_1, arg580_1, arg581_1, arg582_1, arg583_1, arg584_1, arg585_1, arg586_1, arg587_1, arg588_1, arg589_1, arg590_1, arg591_1, arg592_1, arg593_1, arg594_1, arg595_1, arg596_1, arg597_1, arg598_1, arg599_1, arg600_1, arg601_1, arg602_1, arg603_1, arg604_1, arg605_1, arg606_1, arg607_1, arg608_1, arg609_1, arg610_1, arg611_1, arg612_1, arg613_1, arg614_1, arg615_1, arg616_1, arg617_1, arg618_1, arg619_1, arg620_1, arg621_1, arg622_1, arg623_1, arg624_1, arg625_1, arg626_1, arg627_1, arg628_1, arg629_1, arg630_1, arg631_1, arg632_1, arg633_1, arg634_1, arg635_1, arg636_1, arg637_1, arg638_1, arg639_1, arg640_1, arg641_1, arg642_1, arg643_1, arg644_1, arg645_1, arg646_1, arg647_1, arg648_1, arg649_1, arg650_1, arg651_1, arg652_1, arg653_1, arg654_1, arg655_1, arg656_1, arg657_1, arg658_1, arg659_1, arg660_1, arg661_1, arg662_1, arg663_1, arg664_1, arg665_1, arg666_1, arg667_1, arg668_1, arg669_1, arg670_1, arg671_1, arg672_1, arg673_1, arg674_1, arg675_1, arg676_1, arg677_1, arg678_1, arg679_1, arg680_1, arg681_1, arg682_1, arg683_1, arg684_1, arg685_1, arg686_1, arg687_1, arg688_1, arg689_1, arg690_1, arg691_1, arg692_1, arg693_1, arg694_1, arg695_1, arg696_1, arg697_1, arg698_1, arg699_1, arg700_1, arg701_1, arg702_1, arg703_1, arg704_1, arg705_1, arg706_1, arg707_1, arg708_1, arg709_1, arg710_1, arg711_1, arg712_1, arg713_1, arg714_1, arg715_1, arg716_1, arg717_1, arg718_1, arg719_1, arg720_1, arg721_1, arg722_1, arg723_1, arg724_1, arg725_1, arg726_1, arg727_1, arg728_1, arg729_1, arg730_1, arg731_1, arg732_1, arg733_1, arg734_1, arg735_1, arg736_1, arg737_1, arg738_1, arg739_1, arg740_1, arg741_1, arg742_1, arg743_1, arg744_1, arg745_1, arg746_1, arg747_1, arg748_1, arg749_1, arg750_1, arg751_1, arg752_1, arg753_1, arg754_1, arg755_1, arg756_1, arg757_1, arg758_1, arg759_1, arg760_1, arg761_1, arg762_1, arg763_1, arg764_1, arg765_1, arg766_1, arg767_1, arg768_1, arg769_1, arg770_1, arg771_1, arg772_1, arg773_1, arg774_1, arg775_1, arg776_1, arg777_1, arg778_1, arg779_1, arg780_1, arg781_1, arg782_1, arg783_1, arg784_1, arg785_1, arg786_1, arg787_1, arg788_1, arg789_1, arg790_1, arg791_1, arg792_1, arg793_1, arg794_1, arg795_1, arg796_1, arg797_1, arg798_1, arg799_1, arg800_1, arg801_1, arg802_1, arg803_1, arg804_1, arg805_1, arg806_1, arg807_1, arg808_1, arg809_1, arg810_1, arg811_1, arg812_1, arg813_1, arg814_1, arg815_1, arg816_1, arg817_1, arg818_1, arg819_1, arg820_1, arg821_1, arg822_1, arg823_1, arg824_1, arg825_1, arg826_1, arg827_1, arg828_1, arg829_1, arg830_1, arg831_1, arg832_1, arg833_1, arg834_1, arg835_1, arg836_1, arg837_1, arg838_1, arg839_1, arg840_1, arg841_1, arg842_1, arg843_1, arg844_1, arg845_1, arg846_1, arg847_1, arg848_1, arg849_1, arg850_1, arg851_1, arg852_1, arg853_1, arg854_1, arg855_1, arg856_1, arg857_1, arg858_1, arg859_1, arg860_1, arg861_1, arg862_1, arg863_1, arg864_1, arg865_1, arg866_1, arg867_1, arg868_1, arg869_1, arg870_1, arg871_1, arg872_1, arg873_1, arg874_1, arg875_1, arg876_1, arg877_1, arg878_1, arg879_1, arg880_1, arg881_1, arg882_1, arg883_1, arg884_1, arg885_1, arg886_1, arg887_1, arg888_1, arg889_1, arg890_1, arg891_1, arg892_1, arg893_1, arg894_1, arg895_1, arg896_1, arg897_1, arg898_1, arg899_1, arg900_1, arg901_1, arg902_1, arg903_1, arg904_1, arg905_1, arg906_1, arg907_1, arg908_1, arg909_1, arg910_1, arg911_1, arg912_1, arg913_1, arg914_1, arg915_1, arg916_1, arg917_1, arg918_1, arg919_1, arg920_1, arg921_1, arg922_1]


def benchmark_compiled_module(args, times=10, repeat=10):
    from torch._inductor.utils import print_performance
    fn = lambda: call(list(args))
    return print_performance(fn, times=times, repeat=repeat, device='cpu')


if __name__ == "__main__":
    from torch._inductor.wrapper_benchmark import compiled_module_main
    args = get_args()
    compiled_module_main('None', lambda times, repeat: benchmark_compiled_module(args, times=times, repeat=repeat))
