//===- ShardingFuzzer.cpp - libFuzzer target for #hspmd.sharding ----------===//
//
// Input: the text after `#hspmd.sharding`, optionally followed by a byte 0x01
// and a type (e.g. `tensor<24x8xf32>`). Properties checked on every input:
//  - parsing and verification never crash (sanitizers catch the rest);
//  - a parsed attribute prints to text that parses back to the same attribute
//    and prints identically;
//  - the layout model of a parsed attribute passes its own structure check;
//  - where the attribute is valid for the type, every device's placement lies
//    inside the tensor, matches its local shape, and the layout equals itself.
//
//===----------------------------------------------------------------------===//

#include "hspmd/IR/HspmdDialect.h"

#include "mlir/AsmParser/AsmParser.h"
#include "mlir/IR/BuiltinTypes.h"
#include "mlir/IR/Diagnostics.h"
#include "mlir/IR/MLIRContext.h"
#include "llvm/Support/raw_ostream.h"

#include <cstdio>
#include <cstdlib>
#include <memory>
#include <string>

using namespace mlir;
namespace layout = ::hspmd::layout;

static void fail(const char *what, const std::string &text) {
  std::fprintf(stderr, "property violated: %s\ninput: %s\n", what,
               text.c_str());
  std::abort();
}

static std::string print(Attribute attr) {
  std::string s;
  llvm::raw_string_ostream os(s);
  attr.print(os);
  return s;
}

static void checkLayout(const layout::Sharding &s, RankedTensorType type,
                        const std::string &text) {
  std::vector<int64_t> shape(type.getShape().begin(), type.getShape().end());
  layout::Layout lay(s, shape);
  size_t checked = 0;
  for (int64_t device : lay.devices()) {
    if (++checked > 64)
      break;
    std::optional<layout::Placement> p = lay.place(device);
    if (!p || p->box.size() != shape.size() ||
        p->localShape.size() != shape.size())
      fail("placement missing or of the wrong rank", text);
    for (size_t k = 0; k < shape.size(); ++k)
      if (p->box[k].lo < 0 || p->box[k].hi > shape[k] ||
          p->box[k].size() < 0 || p->localShape[k] != p->box[k].size())
        fail("placement outside the tensor", text);
    (void)layout::lowerBoundBytes(lay, lay, device, 4);
  }
  if (!lay.holds(lay.devices().front()) || lay.holds(-1))
    fail("holds() disagrees with devices()", text);
  if (lay.devices().size() <= 64 && !layout::equivalent(lay, lay))
    fail("a layout is not equal to itself", text);
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  // A context keeps every attribute it uniques; start a fresh one now and
  // then so that memory stays bounded over long runs.
  static std::unique_ptr<MLIRContext> context;
  static unsigned runs = 0;
  if (!context || ++runs % 20000 == 0) {
    context = std::make_unique<MLIRContext>(MLIRContext::Threading::DISABLED);
    context->getOrLoadDialect<mlir::hspmd::HspmdDialect>();
    context->getDiagEngine().registerHandler([](Diagnostic &) {});
  }
  std::string input(reinterpret_cast<const char *>(data), size);
  if (input.find('\0') != std::string::npos)
    return 0; // the MLIR parser reads NUL-terminated buffers
  std::string typeText;
  if (size_t sep = input.find('\x01'); sep != std::string::npos) {
    typeText = input.substr(sep + 1);
    input.resize(sep);
  }
  std::string text = "#hspmd.sharding" + input;
  auto attr = dyn_cast_or_null<mlir::hspmd::ShardingAttr>(
      parseAttribute(text, context.get()));
  if (!attr)
    return 0;

  std::string printed = print(attr);
  Attribute reparsed = parseAttribute(printed, context.get());
  if (reparsed != attr)
    fail("printed form does not parse back to the same attribute", text);
  if (print(reparsed) != printed)
    fail("printing is not stable", text);
  layout::Sharding s = attr.getLayout();
  if (s.verifyStructure())
    fail("a built attribute fails the structure check", text);

  if (typeText.empty())
    return 0;
  auto type = dyn_cast_or_null<RankedTensorType>(parseType(typeText, context.get()));
  if (!type || failed(attr.verifyForType(type, [&] {
        return emitError(UnknownLoc::get(context.get()));
      })))
    return 0;
  checkLayout(s, type, text + " on " + typeText);
  return 0;
}
