//===- LowerToRuntime.cpp - Communication ops to runtime calls ------------===//
//
// Works on tensors, before bufferization. An operand the runtime only reads
// is handed over as `bufferization.to_buffer ... read_only` (no copy; one-shot
// bufferization copies only to make it contiguous). The all-reduce, which
// writes its operand, works in place in a copy of it. Results are fresh
// buffers, handed back as tensors that alias nothing (`to_tensor restrict`).
// Blocks the runtime needs contiguous are packed with expand_shape +
// transpose and unpacked with transpose + collapse_shape.
//
//===----------------------------------------------------------------------===//

#include "RuntimeABI.h"
#include "hspmd/IR/AttrNames.h"
#include "hspmd/IR/HspmdOps.h"
#include "hspmd/Transforms/Passes.h"
#include "hspmd/Transforms/Utils.h"

#include "mlir/Dialect/LLVMIR/LLVMDialect.h"
#include "mlir/Interfaces/FunctionInterfaces.h"
#include "mlir/IR/Builders.h"
#include "mlir/IR/SymbolTable.h"
#include "llvm/Support/MathExtras.h"

#include <functional>
#include <map>
#include <set>
#include <type_traits>

namespace mlir::hspmd {
#define GEN_PASS_DEF_HSPMDLOWERTORUNTIME
#include "hspmd/Transforms/Passes.h.inc"
} // namespace mlir::hspmd

using namespace mlir;
using namespace mlir::hspmd;
using namespace mlir::hspmd::runtime_abi;

namespace {

bool isEntryPoint(StringRef name) {
  return llvm::is_contained(
      {
#define HSPMD_ENTRY_POINT(NAME) StringRef(#NAME),
#include "hspmd/runtime_abi.def"
      },
      name);
}

std::pair<int32_t, int64_t> dtypeOf(Type elt) {
  if (elt.isF32())
    return {F32, 1};
  if (elt.isF64())
    return {F64, 1};
  if (elt.isF16())
    return {F16, 1};
  if (elt.isBF16())
    return {BF16, 1};
  if (elt.isSignlessInteger(32))
    return {I32, 1};
  if (elt.isSignlessInteger(64))
    return {I64, 1};
  if (auto complex = dyn_cast<ComplexType>(elt)) {
    auto [code, bytes] = dtypeOf(complex.getElementType());
    return {Bytes, code == Bytes ? 2 * bytes : 2 * bytesOf(code)};
  }
  if (!elt.isIndex() && !elt.isIntOrFloat())
    return {-1, 0}; // not movable
  return {Bytes, getElementTypeBytes(elt)};
}

class Lowering {
public:
  Lowering(ModuleOp module) : module(module), b(module.getContext()) {}

  ModuleOp module;
  OpBuilder b;
  int groupCounter = 0;

  /// Declares the runtime function `fn` once, with its runtime.h type.
  void declare(RuntimeFunction fn) {
    if (module.lookupSymbol(fn.name))
      return;
    OpBuilder mb = OpBuilder::atBlockBegin(module.getBody());
    auto decl = func::FuncOp::create(mb, module.getLoc(), fn.name,
                                     fn.type(mb.getContext()));
    decl.setPrivate();
  }

  Type ptrType() { return LLVM::LLVMPointerType::get(b.getContext()); }

  Value i64(Location loc, int64_t v) {
    return arith::ConstantIntOp::create(b, loc, b.getI64Type(), v);
  }
  Value i32(Location loc, int64_t v) {
    return arith::ConstantIntOp::create(b, loc, b.getI32Type(), v);
  }

  /// The address of `memref`'s data, `offsetBytes` further.
  Value pointerOf(Location loc, Value memref, int64_t offsetBytes = 0) {
    Value idx = memref::ExtractAlignedPointerAsIndexOp::create(b, loc, memref);
    if (offsetBytes)
      idx = arith::AddIOp::create(
          b, loc, idx, arith::ConstantIndexOp::create(b, loc, offsetBytes));
    Value i = arith::IndexCastOp::create(b, loc, b.getI64Type(), idx);
    return LLVM::IntToPtrOp::create(b, loc, ptrType(), i);
  }

  /// An all-reduce of a contiguous block of a tensor whose only use writes
  /// the sum back into the same block (what the resolver writes for a device
  /// holding several blocks): the offset of the block in elements, or
  /// nothing. The sum is then computed in the whole tensor's buffer.
  std::optional<int64_t> inPlaceBlock(AllReduceOp ar,
                                      tensor::InsertSliceOp &insert) {
    auto extract = ar.getInput().getDefiningOp<tensor::ExtractSliceOp>();
    if (!extract || !ar.getResult().hasOneUse())
      return std::nullopt;
    insert = dyn_cast<tensor::InsertSliceOp>(*ar.getResult().getUsers().begin());
    if (!insert || insert.getSource() != ar.getResult() ||
        insert.getDest() != extract.getSource())
      return std::nullopt;
    auto type = cast<RankedTensorType>(extract.getSourceType());
    if (!type.hasStaticShape() || extract.getType() != insert.getSourceType())
      return std::nullopt;
    ArrayRef<int64_t> offsets = extract.getStaticOffsets(),
                      sizes = extract.getStaticSizes(),
                      strides = extract.getStaticStrides();
    if (offsets != insert.getStaticOffsets() ||
        sizes != insert.getStaticSizes() ||
        strides != insert.getStaticStrides() ||
        ShapedType::isDynamicShape(offsets) ||
        ShapedType::isDynamicShape(sizes) ||
        llvm::any_of(strides, [](int64_t s) { return s != 1; }))
      return std::nullopt;
    // Contiguous in row-major order: whole inner dimensions after the first
    // partial one, single rows before it.
    int64_t rank = type.getRank(), first = 0;
    while (first < rank && sizes[first] == 1)
      ++first;
    for (int64_t k = first + 1; k < rank; ++k)
      if (sizes[k] != type.getDimSize(k))
        return std::nullopt;
    int64_t offset = 0;
    for (int64_t k = 0; k < rank; ++k)
      offset = offset * type.getDimSize(k) + offsets[k];
    return offset;
  }

  /// A contiguous buffer holding `tensor`, which the runtime only reads.
  Value bufferOf(Location loc, Value tensor) {
    auto type = cast<RankedTensorType>(tensor.getType());
    auto memType = MemRefType::get(type.getShape(), type.getElementType());
    return bufferization::ToBufferOp::create(b, loc, memType, tensor,
                                             /*readOnly=*/true);
  }

  /// A new buffer holding a copy of `tensor`, which the runtime updates in
  /// place and which then becomes a new tensor (`tensorOf`). The copy is
  /// needed: the result is handed back as a tensor that aliases nothing
  /// (`to_tensor restrict`), which the tensor's own buffer may not be (other
  /// tensors built in place in it, such as fills of one tensor.empty, would
  /// be overwritten by later in-place ops).
  /// A tensor that is itself a fresh buffer handed back by an earlier call
  /// (`to_tensor restrict`) and that only the ops being replaced use (`users`)
  /// is updated in its buffer, without a copy.
  Value updatableCopyOf(Location loc, Value tensor,
                        ArrayRef<Operation *> users) {
    if (auto fresh = tensor.getDefiningOp<bufferization::ToTensorOp>())
      if (fresh.getRestrict() &&
          llvm::all_of(tensor.getUsers(), [&](Operation *u) {
            return llvm::is_contained(users, u);
          }))
        return fresh.getBuffer();
    auto type = cast<RankedTensorType>(tensor.getType());
    Value copy = emptyBuffer(loc, type.getShape(), type.getElementType());
    memref::CopyOp::create(b, loc, bufferOf(loc, tensor), copy);
    return copy;
  }

  Value emptyBuffer(Location loc, ArrayRef<int64_t> shape, Type elt) {
    return memref::AllocOp::create(b, loc, MemRefType::get(shape, elt));
  }

  Value tensorOf(Location loc, Value buffer) {
    auto memType = cast<MemRefType>(buffer.getType());
    auto type = RankedTensorType::get(memType.getShape(),
                                      memType.getElementType());
    return bufferization::ToTensorOp::create(b, loc, type, buffer,
                                             /*restrict=*/true,
                                             /*writable=*/true);
  }

  /// Globals already made, by their values.
  std::map<std::vector<int64_t>, std::string> globals;

  /// A constant global array of int64 values (one per distinct list) and a
  /// pointer to it.
  Value constantArray(Location loc, ArrayRef<int64_t> values) {
    return pointerOf(loc, globalArray(loc, values));
  }

  /// A constant global holding `values` (one per distinct list).
  Value globalArray(Location loc, ArrayRef<int64_t> values) {
    auto type = MemRefType::get({static_cast<int64_t>(values.size())},
                                b.getI64Type());
    auto [it, inserted] = globals.try_emplace(
        std::vector<int64_t>(values.begin(), values.end()));
    if (inserted) {
      it->second = "__hspmd_list_" + std::to_string(groupCounter++);
      OpBuilder mb = OpBuilder::atBlockEnd(module.getBody());
      auto init = DenseElementsAttr::get(
          RankedTensorType::get(type.getShape(), b.getI64Type()), values);
      memref::GlobalOp::create(mb, loc, it->second,
                               mb.getStringAttr("private"), type, init,
                               /*constant=*/true, /*alignment=*/nullptr);
    }
    return memref::GetGlobalOp::create(b, loc, type, it->second);
  }

  /// A stack array made once at the entry of the function being lowered:
  /// an alloca where the exchange is (a loop body) would grow the stack
  /// every iteration.
  Value entryAlloca(Location loc, MemRefType type) {
    mlir::Block *entry = &b.getInsertionBlock()
                        ->getParent()
                        ->getParentOfType<FunctionOpInterface>()
                        .getFunctionBody()
                        .front();
    OpBuilder eb = OpBuilder::atBlockBegin(entry);
    return memref::AllocaOp::create(eb, loc, type);
  }

  /// An array of pointers to `buffers`, for send/recv.
  Value pointerArray(Location loc, ArrayRef<Value> buffers) {
    auto type = MemRefType::get({std::max<int64_t>(1, buffers.size())},
                                b.getI64Type());
    Value array = entryAlloca(loc, type);
    for (auto [i, buf] : llvm::enumerate(buffers)) {
      Value idx = memref::ExtractAlignedPointerAsIndexOp::create(b, loc, buf);
      Value v = arith::IndexCastOp::create(b, loc, b.getI64Type(), idx);
      Value pos = arith::ConstantIndexOp::create(b, loc, i);
      memref::StoreOp::create(b, loc, v, array, ValueRange{pos});
    }
    return pointerOf(loc, array);
  }

  /// Moves axis `from` of `t` to position `to` (a transpose), materialized.
  Value moveAxis(Location loc, Value t, int64_t from, int64_t to) {
    auto type = cast<RankedTensorType>(t.getType());
    if (from == to)
      return t;
    SmallVector<int64_t> perm;
    for (int64_t i = 0; i < type.getRank(); ++i)
      if (i != from)
        perm.push_back(i);
    perm.insert(perm.begin() + to, from);
    SmallVector<int64_t> shape;
    for (int64_t p : perm)
      shape.push_back(type.getDimSize(p));
    Value init = tensor::EmptyOp::create(b, loc, shape, type.getElementType());
    return linalg::TransposeOp::create(b, loc, t, init, perm).getResult()[0];
  }

  /// Splits dimension `dim` of `t` into (n, size / n) and moves the n blocks
  /// to the front: block j of `t` along `dim` becomes contiguous block j.
  Value blocksToFront(Location loc, Value t, int64_t dim, int64_t n) {
    auto type = cast<RankedTensorType>(t.getType());
    SmallVector<int64_t> shape;
    SmallVector<ReassociationIndices> groups;
    for (int64_t k = 0; k < type.getRank(); ++k) {
      ReassociationIndices g{static_cast<int64_t>(shape.size())};
      if (k == dim) {
        shape.push_back(n);
        g.push_back(static_cast<int64_t>(shape.size()));
        shape.push_back(type.getDimSize(k) / n);
      } else {
        shape.push_back(type.getDimSize(k));
      }
      groups.push_back(g);
    }
    Value expanded = tensor::ExpandShapeOp::create(
        b, loc, RankedTensorType::get(shape, type.getElementType()), t, groups);
    return moveAxis(loc, expanded, dim, 0);
  }

  /// The inverse: `t` has the n blocks in front; concatenate them along
  /// `dim` of the block shape.
  Value frontBlocksAlong(Location loc, Value t, int64_t dim) {
    Value moved = moveAxis(loc, t, 0, dim);
    auto type = cast<RankedTensorType>(moved.getType());
    SmallVector<ReassociationIndices> groups;
    SmallVector<int64_t> shape;
    for (int64_t k = 0; k < type.getRank(); ++k) {
      if (k == dim + 1) {
        groups.back().push_back(k);
        shape.back() *= type.getDimSize(k);
        continue;
      }
      groups.push_back({k});
      shape.push_back(type.getDimSize(k));
    }
    return tensor::CollapseShapeOp::create(
        b, loc, RankedTensorType::get(shape, type.getElementType()), moved,
        groups);
  }

  /// The group a collective passes the runtime: the one it lists, or, in a
  /// program shared by devices of several groups (the op lists them all,
  /// of one size), the running device's, found at run time by its id in a
  /// table of each device's offset into the listed groups. A device in none
  /// of them passes the first, and the runtime refuses it as not a member.
  Value groupPointer(Location loc, ArrayAttr groups, int64_t &size) {
    auto listOf = [](Attribute a) {
      return cast<DenseI64ArrayAttr>(a).asArrayRef();
    };
    size = static_cast<int64_t>(listOf(groups[0]).size());
    if (groups.size() == 1)
      return constantArray(loc, listOf(groups[0]));
    SmallVector<int64_t> flat, offsets;
    for (auto [i, a] : llvm::enumerate(groups))
      for (int64_t d : listOf(a)) {
        flat.push_back(d);
        if (d >= static_cast<int64_t>(offsets.size()))
          offsets.resize(d + 1, 0);
        offsets[d] = static_cast<int64_t>(i) * size * 8;
      }
    Value all = globalArray(loc, flat);
    Value table = globalArray(loc, offsets);
    Value rank = call(loc, HSPMD_RT(hspmd_rt_rank), {}).getResult(0);
    Value id = arith::IndexCastOp::create(b, loc, b.getIndexType(), rank);
    Value inTable = arith::CmpIOp::create(
        b, loc, arith::CmpIPredicate::ult, id,
        arith::ConstantIndexOp::create(b, loc, offsets.size()));
    Value at = arith::SelectOp::create(
        b, loc, inTable, id, arith::ConstantIndexOp::create(b, loc, 0));
    Value offset = memref::LoadOp::create(b, loc, table, ValueRange{at});
    offset = arith::SelectOp::create(
        b, loc, inTable, offset, arith::ConstantIntOp::create(b, loc, 0, 64));
    Value base = memref::ExtractAlignedPointerAsIndexOp::create(b, loc, all);
    Value address = arith::AddIOp::create(
        b, loc, arith::IndexCastOp::create(b, loc, b.getI64Type(), base),
        offset);
    return LLVM::IntToPtrOp::create(b, loc, ptrType(), address);
  }

  /// A call of the runtime function `fn`, whose arguments must have the
  /// types of its prototype (anything else is a bug of this lowering).
  func::CallOp call(Location loc, RuntimeFunction fn, ValueRange args) {
    FunctionType type = fn.type(b.getContext());
    if (!isEntryPoint(fn.name) ||
        !llvm::equal(args.getTypes(), type.getInputs()))
      llvm::report_fatal_error(
          llvm::Twine("hspmd-lower-to-runtime: a call of ") + fn.name +
          " does not match its runtime.h prototype or is not listed in "
          "runtime_abi.def");
    declare(fn);
    return func::CallOp::create(b, loc, fn.name, type.getResults(), args);
  }

  LogicalResult lower(Operation *op) {
    b.setInsertionPoint(op);
    Location loc = op->getLoc();
    if (auto id = dyn_cast<DeviceIdOp>(op)) {
      Value rank = call(loc, HSPMD_RT(hspmd_rt_rank), {}).getResult(0);
      Value idx = arith::IndexCastOp::create(b, loc, b.getIndexType(), rank);
      id.getResult().replaceAllUsesWith(idx);
      op->erase();
      return success();
    }
    // Every count handed to the runtime (elements, bytes, offsets) is at most
    // the bytes of one of the op's tensors: they must fit in int64.
    for (Type t : llvm::concat<const Type>(op->getOperandTypes(),
                                           op->getResultTypes()))
      if (auto shaped = dyn_cast<ShapedType>(t))
        if (failed(checkTensorBytes(shaped, [&] { return op->emitError(); })))
          return failure();
    bool ok = true;
    Value groupArg;
    int64_t groupSize = 0;
    auto collective = [&](ArrayAttr groups, Value input, int32_t &dtype,
                          int64_t &scale) {
      groupArg = groupPointer(loc, groups, groupSize);
      Type elt = cast<RankedTensorType>(input.getType()).getElementType();
      auto [code, bytes] = dtypeOf(elt);
      if (code < 0 && ok) {
        op->emitError() << "the runtime cannot move elements of type " << elt;
        ok = false;
      }
      dtype = code;
      scale = bytes;
    };
    int32_t dtype;
    int64_t scale;
    if (auto ar = dyn_cast<AllReduceOp>(op)) {
      collective(ar.getGroups(), ar.getInput(), dtype, scale);
      if (!ok)
        return failure();
      tensor::InsertSliceOp insert;
      if (std::optional<int64_t> offset = inPlaceBlock(ar, insert)) {
        // Sum the block where it lies: no slice out, no insert back.
        Value whole = insert.getDest();
        b.setInsertionPoint(insert);
        Value buf = updatableCopyOf(
            loc, whole,
            {insert, ar.getInput().getDefiningOp<tensor::ExtractSliceOp>()});
        int64_t count = cast<ShapedType>(ar.getType()).getNumElements();
        int64_t bytes = getElementBytes(cast<ShapedType>(ar.getType()));
        call(loc, HSPMD_RT(hspmd_rt_all_reduce),
             {pointerOf(loc, buf, *offset * bytes), i64(loc, count * scale),
              i32(loc, dtype), groupArg, i64(loc, groupSize)});
        insert.getResult().replaceAllUsesWith(tensorOf(loc, buf));
        insert.erase();
        auto extract = ar.getInput().getDefiningOp<tensor::ExtractSliceOp>();
        op->erase();
        if (extract->use_empty())
          extract.erase();
        return success();
      }
      Value buf = updatableCopyOf(loc, ar.getInput(), {op});
      int64_t count = cast<ShapedType>(ar.getType()).getNumElements();
      call(loc, HSPMD_RT(hspmd_rt_all_reduce),
           {pointerOf(loc, buf), i64(loc, count * scale), i32(loc, dtype),
            groupArg, i64(loc, groupSize)});
      ar.getResult().replaceAllUsesWith(tensorOf(loc, buf));
      op->erase();
      return success();
    }
    if (auto ag = dyn_cast<AllGatherOp>(op)) {
      collective(ag.getGroups(), ag.getInput(), dtype, scale);
      if (!ok)
        return failure();
      auto in = cast<RankedTensorType>(ag.getInput().getType());
      int64_t n = groupSize;
      SmallVector<int64_t> recvShape{n};
      llvm::append_range(recvShape, in.getShape());
      Value send = bufferOf(loc, ag.getInput());
      Value recv = emptyBuffer(loc, recvShape, in.getElementType());
      call(loc, HSPMD_RT(hspmd_rt_all_gather),
           {pointerOf(loc, send), pointerOf(loc, recv),
            i64(loc, in.getNumElements() * scale), i32(loc, dtype),
            groupArg, i64(loc, n)});
      Value blocks = tensorOf(loc, recv);
      ag.getResult().replaceAllUsesWith(
          frontBlocksAlong(loc, blocks, ag.getDim()));
      op->erase();
      return success();
    }
    if (auto rs = dyn_cast<ReduceScatterOp>(op)) {
      collective(rs.getGroups(), rs.getInput(), dtype, scale);
      if (!ok)
        return failure();
      int64_t n = groupSize;
      auto out = cast<RankedTensorType>(rs.getType());
      Value packed = blocksToFront(loc, rs.getInput(), rs.getDim(), n);
      Value send = bufferOf(loc, packed);
      Value recv = emptyBuffer(loc, out.getShape(), out.getElementType());
      call(loc, HSPMD_RT(hspmd_rt_reduce_scatter),
           {pointerOf(loc, send), pointerOf(loc, recv),
            i64(loc, out.getNumElements() * scale), i32(loc, dtype),
            groupArg, i64(loc, n)});
      rs.getResult().replaceAllUsesWith(tensorOf(loc, recv));
      op->erase();
      return success();
    }
    if (auto a2a = dyn_cast<AllToAllOp>(op)) {
      collective(a2a.getGroups(), a2a.getInput(), dtype, scale);
      if (!ok)
        return failure();
      int64_t n = groupSize;
      auto in = cast<RankedTensorType>(a2a.getInput().getType());
      Value packed = blocksToFront(loc, a2a.getInput(), a2a.getSplitDim(), n);
      auto packedType = cast<RankedTensorType>(packed.getType());
      Value send = bufferOf(loc, packed);
      Value recv = emptyBuffer(loc, packedType.getShape(), in.getElementType());
      call(loc, HSPMD_RT(hspmd_rt_all_to_all),
           {pointerOf(loc, send), pointerOf(loc, recv),
            i64(loc, in.getNumElements() / n * scale), i32(loc, dtype),
            groupArg, i64(loc, n)});
      Value blocks = tensorOf(loc, recv);
      a2a.getResult().replaceAllUsesWith(
          frontBlocksAlong(loc, blocks, a2a.getConcatDim()));
      op->erase();
      return success();
    }
    if (auto sr = dyn_cast<SendRecvOp>(op))
      return lowerSendRecv(sr);
    return success();
  }

  struct Block {
    int64_t peer;
    SmallVector<int64_t> offsets, sizes;
  };

  static SmallVector<Block> blocksOf(ArrayAttr list) {
    SmallVector<Block> out;
    for (Attribute a : list) {
      ArrayRef<int64_t> e = cast<DenseI64ArrayAttr>(a).asArrayRef();
      size_t rank = (e.size() - 1) / 2;
      out.push_back({e[0], SmallVector<int64_t>(e.slice(1, rank)),
                     SmallVector<int64_t>(e.slice(1 + rank, rank))});
    }
    return out;
  }

  /// Elements of a block (inside a tensor whose bytes fit in int64, so this
  /// cannot overflow once the op's types are checked).
  static int64_t volumeOf(ArrayRef<int64_t> sizes) {
    int64_t v = 1;
    for (int64_t s : sizes)
      v *= s;
    return v;
  }

  /// The runtime's count for `blocks` (elements times `scale`), or an error
  /// at `op` when the sum does not fit in int64: a peer's message gathers
  /// blocks whose total the op's types do not bound.
  static FailureOr<int64_t> messageCount(Operation *op, ArrayRef<Block> blocks,
                                         int64_t scale) {
    int64_t total = 0, count;
    for (const Block &blk : blocks)
      if (llvm::AddOverflow(total, volumeOf(blk.sizes), total))
        return op->emitError("a message's element count does not fit in 64 "
                             "bits");
    if (llvm::MulOverflow(total, scale, count))
      return op->emitError("a message's byte count does not fit in 64 bits");
    return count;
  }

  Value flatSlice(Location loc, Value t, const Block &blk) {
    auto type = cast<RankedTensorType>(t.getType());
    SmallVector<OpFoldResult> offs, sizes, strides;
    for (size_t k = 0; k < blk.sizes.size(); ++k) {
      offs.push_back(b.getIndexAttr(blk.offsets[k]));
      sizes.push_back(b.getIndexAttr(blk.sizes[k]));
      strides.push_back(b.getIndexAttr(1));
    }
    auto sliceType = RankedTensorType::get(blk.sizes, type.getElementType());
    Value part = tensor::ExtractSliceOp::create(b, loc, sliceType, t, offs,
                                                sizes, strides);
    ReassociationIndices all;
    for (size_t k = 0; k < blk.sizes.size(); ++k)
      all.push_back(k);
    auto flatType =
        RankedTensorType::get({volumeOf(blk.sizes)}, type.getElementType());
    if (blk.sizes.empty())
      return tensor::ExpandShapeOp::create(b, loc, flatType, part,
                                           ArrayRef<ReassociationIndices>{});
    return tensor::CollapseShapeOp::create(b, loc, flatType, part,
                                           ArrayRef<ReassociationIndices>{all});
  }

  LogicalResult lowerSendRecv(SendRecvOp op) {
    Location loc = op.getLoc();
    auto type = cast<RankedTensorType>(op.getType());
    Type elt = type.getElementType();
    auto [dtype, scale] = dtypeOf(elt);
    if (dtype < 0)
      return op.emitError() << "the runtime cannot move elements of type "
                            << elt;
    // One message per peer, its blocks in list order; peers in order of
    // their first block. (Indexed: a device may have thousands of peers.)
    auto byPeer = [](ArrayRef<Block> blocks) {
      std::vector<std::pair<int64_t, SmallVector<Block>>> out;
      llvm::DenseMap<int64_t, size_t> slot;
      for (const Block &blk : blocks) {
        if (volumeOf(blk.sizes) == 0)
          continue;
        auto [it, inserted] = slot.try_emplace(blk.peer, out.size());
        if (inserted)
          out.push_back({blk.peer, {}});
        out[it->second].second.push_back(blk);
      }
      return out;
    };
    auto sends = byPeer(blocksOf(op.getSends()));
    auto recvs = byPeer(blocksOf(op.getRecvs()));
    SmallVector<Value> sendBufs, recvBufs;
    SmallVector<int64_t> sendPeers, sendCounts, recvPeers, recvCounts;
    // Peers that get the same blocks share one packed buffer (Semantics.md "Changing a placement":
    // identical send buffers are shared).
    std::map<std::vector<int64_t>, Value> packed;
    for (auto &[peer, blocks] : sends) {
      std::vector<int64_t> key;
      for (const Block &blk : blocks) {
        llvm::append_range(key, blk.offsets);
        llvm::append_range(key, blk.sizes);
      }
      FailureOr<int64_t> count = messageCount(op, blocks, scale);
      if (failed(count))
        return failure();
      auto same = packed.find(key);
      if (same != packed.end()) {
        sendBufs.push_back(same->second);
        sendPeers.push_back(peer);
        sendCounts.push_back(*count);
        continue;
      }
      int64_t total = *count / scale;
      Value msg = tensor::EmptyOp::create(b, loc, ArrayRef<int64_t>{total}, elt);
      int64_t at = 0;
      for (const Block &blk : blocks) {
        Value flat = flatSlice(loc, op.getInput(), blk);
        int64_t v = volumeOf(blk.sizes);
        msg = tensor::InsertSliceOp::create(
            b, loc, flat, msg, ArrayRef<OpFoldResult>{b.getIndexAttr(at)},
            ArrayRef<OpFoldResult>{b.getIndexAttr(v)},
            ArrayRef<OpFoldResult>{b.getIndexAttr(1)});
        at += v;
      }
      sendBufs.push_back(bufferOf(loc, msg));
      packed.emplace(std::move(key), sendBufs.back());
      sendPeers.push_back(peer);
      sendCounts.push_back(*count);
    }
    for (auto &[peer, blocks] : recvs) {
      FailureOr<int64_t> count = messageCount(op, blocks, scale);
      if (failed(count))
        return failure();
      recvBufs.push_back(emptyBuffer(loc, {*count / scale}, elt));
      recvPeers.push_back(peer);
      recvCounts.push_back(*count);
    }
    auto list = [&](ArrayRef<int64_t> v) {
      return v.empty() ? constantArray(loc, {0}) : constantArray(loc, v);
    };
    // Relative peers: the running device's id plus each distance. A
    // table's: the column's entry for the running device, read from a
    // constant indexed by its id (only the table's devices run the op).
    Value rank, rankIndex;
    std::optional<ArrayRef<int64_t>> tableDevices = op.getTableDevices();
    auto peerOf = [&](int64_t field) -> Value {
      if (!rank)
        rank = call(loc, HSPMD_RT(hspmd_rt_rank), {}).getResult(0);
      if (op.getRelative())
        return arith::AddIOp::create(b, loc, rank, i64(loc, field));
      ArrayRef<int64_t> column =
          cast<DenseI64ArrayAttr>((*op.getPeerTable())[field]).asArrayRef();
      if (!rankIndex)
        rankIndex = arith::IndexCastOp::create(b, loc, b.getIndexType(), rank);
      // Ids as large as 2^31 are valid: a constant indexed by id only where
      // they are dense, else a search over the sorted ids.
      if (!isDenseDeviceTable(*tableDevices))
        return arith::IndexCastOp::create(
            b, loc, b.getI64Type(),
            searchByDevice(b, loc, rankIndex, *tableDevices, column, -1));
      SmallVector<int64_t> byId(tableDevices->back() + 1, -1);
      for (auto [d, peer] : llvm::zip(*tableDevices, column))
        byId[d] = peer;
      return memref::LoadOp::create(b, loc, globalArray(loc, byId),
                                    ValueRange{rankIndex});
    };
    auto peerList = [&](ArrayRef<int64_t> v) {
      if ((!op.getRelative() && !tableDevices) || v.empty())
        return list(v);
      auto type = MemRefType::get({static_cast<int64_t>(v.size())},
                                  b.getI64Type());
      Value array = entryAlloca(loc, type);
      for (auto [i, field] : llvm::enumerate(v)) {
        Value pos = arith::ConstantIndexOp::create(b, loc, i);
        memref::StoreOp::create(b, loc, peerOf(field), array, ValueRange{pos});
      }
      return pointerOf(loc, array);
    };
    call(loc, HSPMD_RT(hspmd_rt_send_recv),
         {i64(loc, sendBufs.size()), peerList(sendPeers),
          pointerArray(loc, sendBufs), list(sendCounts),
          i64(loc, recvBufs.size()), peerList(recvPeers),
          pointerArray(loc, recvBufs), list(recvCounts),
          i32(loc, sendBufs.empty() && recvBufs.empty() ? F32 : dtype)});
    Value result = op.getInit();
    for (auto [i, entry] : llvm::enumerate(recvs)) {
      Value msg = tensorOf(loc, recvBufs[i]);
      int64_t at = 0;
      for (const Block &blk : entry.second) {
        int64_t v = volumeOf(blk.sizes);
        auto flatType = RankedTensorType::get({v}, elt);
        Value flat = tensor::ExtractSliceOp::create(
            b, loc, flatType, msg, ArrayRef<OpFoldResult>{b.getIndexAttr(at)},
            ArrayRef<OpFoldResult>{b.getIndexAttr(v)},
            ArrayRef<OpFoldResult>{b.getIndexAttr(1)});
        at += v;
        auto blockType = RankedTensorType::get(blk.sizes, elt);
        ReassociationIndices all;
        for (size_t k = 0; k < blk.sizes.size(); ++k)
          all.push_back(k);
        Value part =
            blk.sizes.empty()
                ? Value(tensor::CollapseShapeOp::create(
                      b, loc, blockType, flat,
                      ArrayRef<ReassociationIndices>{}))
                : Value(tensor::ExpandShapeOp::create(
                      b, loc, blockType, flat,
                      ArrayRef<ReassociationIndices>{all}));
        SmallVector<OpFoldResult> offs, sizes, strides;
        for (size_t k = 0; k < blk.sizes.size(); ++k) {
          offs.push_back(b.getIndexAttr(blk.offsets[k]));
          sizes.push_back(b.getIndexAttr(blk.sizes[k]));
          strides.push_back(b.getIndexAttr(1));
        }
        if (op.getAccumulate()) {
          Value old = tensor::ExtractSliceOp::create(b, loc, blockType, result,
                                                     offs, sizes, strides);
          Value empty = tensor::EmptyOp::create(b, loc, blk.sizes, elt);
          part = linalg::AddOp::create(b, loc, ValueRange{old, part},
                                       ValueRange{empty})
                     .getResult(0);
        }
        result = tensor::InsertSliceOp::create(b, loc, part, result, offs,
                                               sizes, strides);
      }
    }
    op.getResult().replaceAllUsesWith(result);
    op.erase();
    return success();
  }
};

struct LowerToRuntimePass
    : public mlir::hspmd::impl::HspmdLowerToRuntimeBase<LowerToRuntimePass> {
  /// Every device program @main dispatches to creates the communicators of
  /// all the groups it (or any function it calls) uses, first thing, in
  /// increasing group order: a device never waits on a group while a member
  /// of it waits on a smaller one, and the first collective on a group does
  /// not pay for its creation.
  void prepareGroups(
      func::FuncOp main,
      const std::map<Operation *, std::set<std::vector<int64_t>>> &groupsOf,
      Lowering &lowering) {
    ModuleOp module = getOperation();
    std::function<void(func::FuncOp, std::set<Operation *> &,
                       std::set<std::vector<int64_t>> &)>
        collect = [&](func::FuncOp fn, std::set<Operation *> &seen,
                      std::set<std::vector<int64_t>> &out) {
          if (!seen.insert(fn).second)
            return;
          auto it = groupsOf.find(fn);
          if (it != groupsOf.end())
            out.insert(it->second.begin(), it->second.end());
          fn.walk([&](func::CallOp call) {
            if (auto callee = module.lookupSymbol<func::FuncOp>(
                    call.getCalleeAttr()))
              if (!callee.isExternal())
                collect(callee, seen, out);
          });
        };
    std::set<Operation *> programs;
    main.walk([&](func::CallOp call) {
      auto callee = module.lookupSymbol<func::FuncOp>(call.getCalleeAttr());
      if (!callee || callee.isExternal() || !programs.insert(callee).second)
        return;
      std::set<Operation *> seen;
      std::set<std::vector<int64_t>> groups;
      collect(callee, seen, groups);
      OpBuilder &b = lowering.b;
      b.setInsertionPointToStart(&callee.getBody().front());
      Location loc = callee.getLoc();
      for (const std::vector<int64_t> &g : groups)
        lowering.call(loc, HSPMD_RT(hspmd_rt_prepare_group),
                      {lowering.constantArray(loc, g),
                       lowering.i64(loc, static_cast<int64_t>(g.size()))});
    });
  }

  void runOnOperation() override {
    ModuleOp module = getOperation();
    Lowering lowering(module);
    // The groups each function's collectives use, before they are lowered.
    std::map<Operation *, std::set<std::vector<int64_t>>> groupsOf;
    bool sharedGroups = false;
    module.walk([&](Operation *op) {
      ArrayAttr groups;
      if (auto c = dyn_cast<AllReduceOp>(op))
        groups = c.getGroups();
      else if (auto c = dyn_cast<AllGatherOp>(op))
        groups = c.getGroups();
      else if (auto c = dyn_cast<ReduceScatterOp>(op))
        groups = c.getGroups();
      else if (auto c = dyn_cast<AllToAllOp>(op))
        groups = c.getGroups();
      if (!groups)
        return;
      // An op listing several groups runs in a program those groups'
      // devices share: which group a device prepares is known at run time
      // only, so no device prepares any group ahead (were some prepared
      // ahead and others at their first collective, a device preparing
      // ahead could wait for a member still in a collective of another
      // group); each communicator is then created at its first collective,
      // by all its members there.
      if (groups.size() > 1)
        sharedGroups = true;
      auto fn = op->getParentOfType<func::FuncOp>();
      for (Attribute g : groups) {
        ArrayRef<int64_t> list = cast<DenseI64ArrayAttr>(g).asArrayRef();
        groupsOf[fn].insert(std::vector<int64_t>(list.begin(), list.end()));
      }
    });
    SmallVector<Operation *> ops;
    module.walk([&](Operation *op) {
      if (isa<DeviceIdOp, AllReduceOp, AllGatherOp, ReduceScatterOp,
              AllToAllOp, SendRecvOp>(op))
        ops.push_back(op);
    });
    for (Operation *op : ops)
      if (failed(lowering.lower(op)))
        return signalPassFailure();
    // A buffer updated again in place was handed back twice; the first
    // tensor of it is unused by now, and a buffer may have only one
    // `to_tensor restrict`.
    module.walk([](bufferization::ToTensorOp t) {
      if (t.getRestrict() && t->use_empty())
        t->erase();
    });
    // @main checks the devices it needs and finishes the runtime.
    auto main = module.lookupSymbol<func::FuncOp>("main");
    auto maxDevice = module->getAttrOfType<IntegerAttr>(kMaxDeviceAttrName);
    if (main && maxDevice && !main.isExternal() && !sharedGroups)
      prepareGroups(main, groupsOf, lowering);
    if (main && maxDevice && !main.isExternal()) {
      OpBuilder &b = lowering.b;
      b.setInsertionPointToStart(&main.getBody().front());
      lowering.call(main.getLoc(), HSPMD_RT(hspmd_rt_check_devices),
                    {lowering.i64(main.getLoc(), maxDevice.getInt())});
      main.walk([&](func::ReturnOp ret) {
        b.setInsertionPoint(ret);
        lowering.call(ret.getLoc(), HSPMD_RT(hspmd_rt_finalize), {});
      });
    }
  }
};

} // namespace
