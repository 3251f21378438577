//===- ClusterDlti.cpp - A cluster description in upstream DLTI -----------===//

#include "hspmd/Training/Passes/ClusterDlti.h"
#include "hspmd/Training/Passes/TrainingPlanAttr.h"
#include "hspmd/IR/AttributeVerifier.h"
#include "hspmd/IR/HspmdDialect.h"
#include "hspmd/Training/ClusterJson.h"

#include "mlir/Dialect/DLTI/DLTI.h"
#include "mlir/IR/Builders.h"
#include "mlir/IR/BuiltinAttributes.h"
#include "llvm/Support/raw_ostream.h"

#include <map>

using namespace mlir;
using namespace mlir::hspmd;
namespace training = ::hspmd::training;

namespace {

/// The value of `key` in a DLTI entry list, or null.
Attribute lookup(ArrayRef<DataLayoutEntryInterface> entries, StringRef key) {
  for (DataLayoutEntryInterface e : entries)
    if (auto k = dyn_cast<StringAttr>(e.getKey()))
      if (k.getValue() == key)
        return e.getValue();
  return {};
}

ArrayRef<DataLayoutEntryInterface> entriesOf(Attribute a) {
  if (auto map = dyn_cast<MapAttr>(a))
    return map.getEntries();
  if (auto spec = dyn_cast<TargetDeviceSpecAttr>(a))
    return spec.getEntries();
  if (auto spec = dyn_cast<TargetSystemSpecAttr>(a))
    return spec.getEntries();
  return {};
}

std::optional<double> number(Attribute a) {
  if (auto f = dyn_cast_or_null<FloatAttr>(a))
    return f.getValueAsDouble();
  return std::nullopt;
}

std::optional<int64_t> integer(Attribute a) {
  if (auto i = dyn_cast_or_null<IntegerAttr>(a))
    if (i.getType().isInteger())
      return i.getInt();
  return std::nullopt;
}

} // namespace

FailureOr<std::optional<training::Cluster>>
mlir::hspmd::readCluster(ModuleOp module) {
  Attribute kindsAttr = module->getAttr(getDeviceKindsAttrName());
  if (!kindsAttr)
    return std::optional<training::Cluster>();
  auto fail = [&](const Twine &message) {
    module.emitError() << "cluster description: " << message;
    return failure();
  };
  auto kindsMap = dyn_cast<MapAttr>(kindsAttr);
  if (!kindsMap)
    return fail("'" + getDeviceKindsAttrName() +
                "' must be a #dlti.map of device kinds");
  training::Cluster cluster;
  for (DataLayoutEntryInterface e : kindsMap.getEntries()) {
    auto name = dyn_cast<StringAttr>(e.getKey());
    if (!name)
      return fail("device kinds are named by strings");
    if (!isa<MapAttr>(e.getValue()))
      return fail("kind \"" + name.getValue() + "\" must be a #dlti.map");
    training::DeviceKind kind;
    kind.name = name.getValue().str();
    for (const auto &[key, member] : training::deviceKindFields()) {
      Attribute v = lookup(entriesOf(e.getValue()), key);
      if (!v)
        return fail("kind \"" + name.getValue() + "\" has no \"" + key + "\"");
      std::optional<double> d = number(v);
      if (!d) {
        std::string got;
        llvm::raw_string_ostream os(got);
        os << v;
        return fail("kind \"" + name.getValue() + "\": \"" + key +
                    "\" must be a float, got " + got);
      }
      kind.*member = *d;
    }
    for (DataLayoutEntryInterface field : entriesOf(e.getValue())) {
      auto key = dyn_cast<StringAttr>(field.getKey());
      if (!key ||
          llvm::none_of(training::deviceKindFields(), [&](const auto &f) {
            return key.getValue() == f.first;
          }))
        return fail("kind \"" + name.getValue() + "\": unknown field " +
                    (key ? "\"" + key.getValue() + "\"" : Twine("")));
    }
    cluster.addKind(kind);
  }
  if (Attribute lat = module->getAttr(getLinkLatencyAttrName())) {
    if (!isa<MapAttr>(lat))
      return fail("'" + getLinkLatencyAttrName() + "' must be a #dlti.map");
    for (DataLayoutEntryInterface e : entriesOf(lat)) {
      auto key = dyn_cast<StringAttr>(e.getKey());
      std::optional<double> v = number(e.getValue());
      if (!key || !v)
        return fail("'" + getLinkLatencyAttrName() +
                    "' maps \"intra_node\" and \"inter_node\" to floats");
      if (key.getValue() == "intra_node")
        cluster.latency.intraNode = *v;
      else if (key.getValue() == "inter_node")
        cluster.latency.interNode = *v;
      else
        return fail("'" + getLinkLatencyAttrName() + "': unknown field \"" +
                    key.getValue() + "\"");
    }
  }
  auto system = dyn_cast_or_null<TargetSystemSpecAttr>(
      module->getAttr(DLTIDialect::kTargetSystemDescAttrName));
  if (!system)
    return fail("'" + getDeviceKindsAttrName() + "' needs a '" +
                DLTIDialect::kTargetSystemDescAttrName +
                "' with one #dlti.target_device_spec per rank");
  std::map<int64_t, training::Device> byRank;
  for (DataLayoutEntryInterface e : system.getEntries()) {
    auto id = dyn_cast<StringAttr>(e.getKey());
    int64_t rank = -1;
    if (!id || id.getValue().getAsInteger(10, rank) || rank < 0)
      return fail("target device ids are ranks (\"0\", \"1\", ...)");
    ArrayRef<DataLayoutEntryInterface> spec = entriesOf(e.getValue());
    auto kindName = dyn_cast_or_null<StringAttr>(lookup(spec, "kind"));
    if (!kindName)
      return fail("rank " + Twine(rank) + " has no \"kind\" string");
    std::optional<int64_t> kind = cluster.findKind(kindName.getValue().str());
    if (!kind)
      return fail("rank " + Twine(rank) + " has unknown kind \"" +
                  kindName.getValue() + "\"");
    std::optional<int64_t> node = integer(lookup(spec, "node"));
    std::optional<int64_t> nic = integer(lookup(spec, "nic"));
    if (!node || !nic || *node < 0 || *nic < 0)
      return fail("rank " + Twine(rank) +
                  " needs \"node\" and \"nic\" as non-negative integers");
    byRank[rank] = {*kind, *node, *nic};
  }
  int64_t expected = 0;
  for (auto &[rank, device] : byRank) {
    if (rank != expected)
      return fail("no target device spec for rank " + Twine(expected));
    cluster.addDevice(device);
    ++expected;
  }
  if (std::optional<std::string> e = cluster.validate())
    return fail(*e);
  return std::optional<training::Cluster>(std::move(cluster));
}

/// Where to report that the whole module lacks something: its location, or,
/// for the module the parser makes around several top-level operations (at
/// line 0 of the file), the first of them.
static Location moduleLoc(ModuleOp module) {
  auto file = dyn_cast<FileLineColLoc>(module.getLoc());
  if (file && file.getLine() == 0 && !module.getBody()->empty())
    return module.getBody()->front().getLoc();
  return module.getLoc();
}

FailureOr<training::Cluster> mlir::hspmd::requireCluster(ModuleOp module,
                                                     const Twine &missing) {
  FailureOr<std::optional<training::Cluster>> cluster = readCluster(module);
  if (failed(cluster))
    return failure();
  if (!*cluster)
    return emitError(moduleLoc(module))
           << missing << "; run --hspmd-import-cluster first";
  return std::move(**cluster);
}

void mlir::hspmd::writeCluster(ModuleOp module,
                               const training::Cluster &cluster) {
  MLIRContext *ctx = module.getContext();
  ctx->getOrLoadDialect<DLTIDialect>();
  Builder b(ctx);
  auto entry = [&](StringRef key, Attribute value) {
    return DataLayoutEntryAttr::get(b.getStringAttr(key), value);
  };
  SmallVector<DataLayoutEntryInterface> kinds;
  for (const training::DeviceKind &kind : cluster.allKinds()) {
    SmallVector<DataLayoutEntryInterface> fields;
    for (const auto &[key, member] : training::deviceKindFields())
      fields.push_back(entry(key, b.getF64FloatAttr(kind.*member)));
    kinds.push_back(entry(kind.name, MapAttr::get(ctx, fields)));
  }
  SmallVector<DataLayoutEntryInterface> devices;
  for (int64_t r = 0; r < cluster.size(); ++r) {
    const training::Device &d = cluster.device(r);
    SmallVector<DataLayoutEntryInterface> spec{
        entry("kind", b.getStringAttr(cluster.kind(d.kind).name)),
        entry("node", b.getI64IntegerAttr(d.node)),
        entry("nic", b.getI64IntegerAttr(d.nic))};
    devices.push_back(entry(std::to_string(r),
                            TargetDeviceSpecAttr::get(ctx, spec)));
  }
  module->setAttr(DLTIDialect::kTargetSystemDescAttrName,
                  TargetSystemSpecAttr::get(ctx, devices));
  module->setAttr(getDeviceKindsAttrName(), MapAttr::get(ctx, kinds));
  module->setAttr(
      getLinkLatencyAttrName(),
      MapAttr::get(
          ctx,
          {entry("intra_node", b.getF64FloatAttr(cluster.latency.intraNode)),
           entry("inter_node", b.getF64FloatAttr(cluster.latency.interNode))}));
}

namespace {

/// The dialect's verifier of the description's attributes: each belongs on
/// a module, the latencies need the kinds, and the whole description is
/// checked once, from the kinds.
struct ClusterAttributeVerifier : HspmdAttributeVerifierInterface {
  using HspmdAttributeVerifierInterface::HspmdAttributeVerifierInterface;

  bool owns(StringRef name) const final {
    return name == getDeviceKindsAttrName() ||
           name == getLinkLatencyAttrName() ||
           name == getTrainingPlanAttrName();
  }

  LogicalResult verifyAttribute(Operation *op,
                                NamedAttribute attr) const final {
    auto module = dyn_cast<ModuleOp>(op);
    if (!module)
      return op->emitError() << "'" << attr.getName().getValue()
                             << "' belongs on a module";
    if (attr.getName() == getLinkLatencyAttrName() &&
        !module->hasAttr(getDeviceKindsAttrName()))
      return op->emitError() << "'" << getLinkLatencyAttrName()
                             << "' needs '" << getDeviceKindsAttrName() << "'";
    if (attr.getName() == getDeviceKindsAttrName())
      return failure(failed(readCluster(module)));
    if (attr.getName() == getTrainingPlanAttrName())
      return failure(failed(parseTrainingPlan(module, attr.getValue())));
    return success();
  }
};

} // namespace

void mlir::hspmd::registerClusterAttributeVerifier(DialectRegistry &registry) {
  registry.addExtension(+[](MLIRContext *, HspmdDialect *dialect) {
    dialect->addInterfaces<ClusterAttributeVerifier>();
  });
}
