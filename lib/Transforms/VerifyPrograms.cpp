//===- VerifyPrograms.cpp - Device programs agree on communication --------===//
//
// The check that specialization runs on its output, and that
// --hspmd-verify-programs runs on any specialized module: device programs
// that disagree on their communication would hang or corrupt a run. (The
// order between two collectives of different groups is compared only for
// devices that also exchange messages; plans order their steps so that it
// agrees: steps, then blocks, then groups.)
//
//===----------------------------------------------------------------------===//

#include "hspmd/Transforms/VerifyPrograms.h"
#include "hspmd/IR/HspmdOps.h"
#include "hspmd/Transforms/Passes.h"

#include "mlir/Dialect/SCF/IR/SCF.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/SetVector.h"
#include "llvm/ADT/SmallPtrSet.h"
#include "llvm/Support/Allocator.h"
#include "llvm/Support/StringSaver.h"
#include "llvm/Support/raw_ostream.h"

#include <deque>
#include <memory>
#include <set>
#include <string>
#include <vector>

namespace mlir::hspmd {
#define GEN_PASS_DEF_HSPMDVERIFYPROGRAMS
#include "hspmd/Transforms/Passes.h.inc"
} // namespace mlir::hspmd

using namespace mlir;
using namespace mlir::hspmd;

namespace {

class ProgramChecker {
public:
  ProgramChecker(ModuleOp module, bool allPrograms)
      : module(module), allPrograms(allPrograms) {}

  /// One communication as the other side sees it too: a collective over a
  /// group (the uniqued list attribute), or the messages between this device
  /// and `peer`.
  struct Event {
    DenseI64ArrayAttr group;
    int64_t peer = -1;
    /// Kind, dimensions, sizes: interned (`intern`), so that equal texts
    /// are one pointer and events copy and compare in constant time (a
    /// program's events are copied per device, thousands of times).
    StringRef what;

    /// Equal as both sides see it (a message's peer is the other side).
    bool operator==(const Event &o) const {
      return group == o.group && what.data() == o.what.data();
    }
  };
  llvm::BumpPtrAllocator textMemory;
  llvm::UniqueStringSaver texts{textMemory};
  StringRef intern(const std::string &text) { return texts.save(text); }

  /// A program's communication in order: collectives (the same for every
  /// device running the program) and the send/recv ops (whose events depend
  /// on the device). Computed once per program.
  struct Raw {
    Event collective;
    SendRecvOp sendRecv;
    /// A collective's groups when it lists several (a program shared by
    /// devices of several groups): each device takes part in its own,
    /// found by device (`groupOf`, filled once).
    ArrayAttr groups;
    std::shared_ptr<llvm::DenseMap<int64_t, DenseI64ArrayAttr>> groupOf;
  };
  llvm::DenseMap<Operation *, std::vector<Raw>> rawEvents;

  const std::vector<Raw> &rawEventsOf(func::FuncOp fn, int depth = 0) {
    auto found = rawEvents.find(fn);
    if (found != rawEvents.end())
      return found->second;
    std::vector<Raw> out;
    auto typeText = [](Type t) {
      std::string s;
      llvm::raw_string_ostream os(s);
      os << t;
      return s;
    };
    fn.walk([&](Operation *op) {
      auto groupOf = [&](ArrayAttr groups) {
        return cast<DenseI64ArrayAttr>(groups[0]);
      };
      size_t before = out.size();
      std::string kind = op->getName().getStringRef().str();
      if (auto c = dyn_cast<AllReduceOp>(op))
        out.push_back(
            {{groupOf(c.getGroups()), -1, intern(kind + " of " + typeText(c.getType()))}, {}});
      else if (auto c = dyn_cast<AllGatherOp>(op))
        out.push_back({{groupOf(c.getGroups()), -1,
                        intern(kind + " dim " + std::to_string(c.getDim()) +
                               " of " + typeText(c.getInput().getType()))},
                       {}});
      else if (auto c = dyn_cast<ReduceScatterOp>(op))
        out.push_back(
            {{groupOf(c.getGroups()), -1,
              intern(kind + " dim " + std::to_string(c.getDim()) + " to " +
                     typeText(c.getType()))},
             {}});
      else if (auto c = dyn_cast<AllToAllOp>(op))
        out.push_back({{groupOf(c.getGroups()), -1,
                        intern(kind + " split_dim " +
                               std::to_string(c.getSplitDim()) +
                               " concat_dim " +
                               std::to_string(c.getConcatDim()) + " of " +
                               typeText(c.getInput().getType()))},
                       {}});
      else if (auto sr = dyn_cast<SendRecvOp>(op))
        out.push_back({{}, sr, {}});
      else if (auto call = dyn_cast<func::CallOp>(op)) {
        if (auto callee =
                module.lookupSymbol<func::FuncOp>(call.getCalleeAttr()))
          if (!callee.isExternal() && depth < 16) {
            const std::vector<Raw> &inner = rawEventsOf(callee, depth + 1);
            out.insert(out.end(), inner.begin(), inner.end());
          }
      }
      if (out.size() == before + 1 && !out.back().sendRecv)
        if (auto groups = op->getAttrOfType<ArrayAttr>("groups"))
          if (groups.size() > 1) {
            out.back().groups = groups;
            auto byDevice =
                std::make_shared<llvm::DenseMap<int64_t, DenseI64ArrayAttr>>();
            for (Attribute a : groups) // (groups of one op are disjoint)
              for (int64_t m : cast<DenseI64ArrayAttr>(a).asArrayRef())
                (*byDevice)[m] = cast<DenseI64ArrayAttr>(a);
            out.back().groupOf = std::move(byDevice);
          }
    });
    return rawEvents[fn] = std::move(out);
  }

  /// Device `d`'s events: per send/recv op and peer, the sizes of the blocks
  /// from the lower id to the higher, then back, so that both sides describe
  /// the exchange the same way.
  std::vector<Event> eventsOf(func::FuncOp fn, int64_t d) {
    std::vector<Event> out;
    out.reserve(rawEventsOf(fn).size());
    for (const Raw &raw : rawEventsOf(fn)) {
      if (!raw.sendRecv) {
        out.push_back(raw.collective);
        if (raw.groupOf) {
          auto own = raw.groupOf->find(d);
          if (own != raw.groupOf->end())
            out.back().group = own->second;
        }
        continue;
      }
      std::map<int64_t, std::pair<std::string, std::string>> peers;
      SendRecvOp sr = raw.sendRecv;
      auto add = [&](ArrayAttr blocks, bool sending) {
        for (Attribute a : blocks) {
          ArrayRef<int64_t> e = cast<DenseI64ArrayAttr>(a).asArrayRef();
          size_t rank = (e.size() - 1) / 2;
          std::string sizes;
          for (int64_t v : e.slice(1 + rank, rank))
            sizes += (sizes.empty() ? "" : "x") + std::to_string(v);
          int64_t peer = sr.peerOf(e[0], d);
          bool lowToHigh = sending ? d < peer : peer < d;
          auto &entry = peers[peer];
          std::string &blocks = lowToHigh ? entry.first : entry.second;
          blocks += (blocks.empty() ? "" : ", ") + sizes;
        }
      };
      add(sr.getSends(), true);
      add(sr.getRecvs(), false);
      for (auto &[peer, sizes] : peers)
        out.push_back(
            {{}, peer,
             intern("messages " + std::to_string(std::min(d, peer)) + " -> " +
                    std::to_string(std::max(d, peer)) + " [" + sizes.first +
                    "], " + std::to_string(std::max(d, peer)) + " -> " +
                    std::to_string(std::min(d, peer)) + " [" + sizes.second +
                    "]")});
    }
    return out;
  }

  /// Members of a group, for membership tests.
  llvm::DenseMap<Attribute, llvm::DenseSet<int64_t>> memberSets;
  bool isMember(const Event &e, int64_t d, int64_t self) {
    if (!e.group)
      return d == self || d == e.peer;
    auto [it, inserted] = memberSets.try_emplace(e.group);
    if (inserted)
      it->second.insert(e.group.asArrayRef().begin(),
                        e.group.asArrayRef().end());
    return it->second.contains(d);
  }

  static std::string describe(const Event &e) {
    if (!e.group)
      return e.what.str(); // names both devices
    std::string g;
    for (int64_t x : e.group.asArrayRef())
      g += (g.empty() ? "" : ", ") + std::to_string(x);
    return e.what.str() + " over {" + g + "}";
  }

  /// Whether a program's events depend on the device running it: its
  /// messages do, and so does a collective listing several groups.
  bool dependsOnDevice(func::FuncOp fn) {
    return llvm::any_of(rawEventsOf(fn), [](const Raw &raw) {
      return raw.sendRecv || raw.groupOf;
    });
  }

  LogicalResult check(std::map<int64_t, func::FuncOp> devices) {
    // Each device's events. Devices running a program whose events do not
    // depend on the device share one list, so that the checks below work
    // per distinct list, not per device (thousands of devices often run a
    // handful of programs).
    std::deque<std::vector<Event>> storage;
    llvm::DenseMap<Operation *, const std::vector<Event> *> sharedLists;
    llvm::DenseMap<const std::vector<Event> *, std::vector<DenseI64ArrayAttr>>
        groupsOfList;
    std::map<int64_t, const std::vector<Event> *> events;
    for (auto &[d, fn] : devices) {
      const std::vector<Event> *ev;
      if (dependsOnDevice(fn)) {
        ev = &storage.emplace_back(eventsOf(fn, d));
      } else {
        auto [it, inserted] = sharedLists.try_emplace(fn, nullptr);
        if (inserted)
          it->second = &storage.emplace_back(eventsOf(fn, d));
        ev = it->second;
      }
      events[d] = ev;
      auto [groups, inserted] = groupsOfList.try_emplace(ev);
      if (inserted) {
        llvm::SmallPtrSet<Attribute, 8> seen;
        for (const Event &e : *ev)
          if (e.group && seen.insert(e.group).second)
            groups->second.push_back(e.group);
      }
      for (DenseI64ArrayAttr group : groups->second)
        if (!isMember(Event{group}, d, d))
          return fn.emitError() << "device " << d
                                << " takes part in a communication of a "
                                   "group it is not a member of";
    }
    for (auto &[d, ev] : events)
      for (const Event &e : *ev)
        if (!e.group && e.peer < 0)
          return devices.at(d).emitError()
                 << "device " << d
                 << " runs an exchange whose peer table does not list it";
    auto mismatch = [&](int64_t a, int64_t b, ArrayRef<Event> sa,
                        ArrayRef<Event> sb) {
      size_t i = 0;
      while (i < sa.size() && i < sb.size() && sa[i] == sb[i])
        ++i;
      auto at = [&](ArrayRef<Event> v) {
        return i < v.size() ? describe(v[i]) : std::string("nothing");
      };
      return devices.at(a).emitError()
             << "device programs disagree: communication #" << i
             << " between devices " << a << " and " << b << " is " << at(sa)
             << " on device " << a << " but " << at(sb) << " on device " << b;
    };
    // Per group: every member meets the same collectives on it, in order.
    // (Groups in the order first met, so that reports are deterministic.)
    // Members sharing a list meet the same ones, so each distinct list is
    // compared once; the first member that differs is still the first in
    // group order.
    llvm::SetVector<Attribute> groupOrder;
    {
      llvm::SmallPtrSet<const std::vector<Event> *, 16> visited;
      for (auto &[d, ev] : events)
        if (visited.insert(ev).second)
          for (const Event &e : *ev)
            if (e.group)
              groupOrder.insert(e.group);
    }
    auto restricted = [](const std::vector<Event> &ev, Attribute group) {
      std::vector<Event> out;
      for (const Event &e : ev)
        if (e.group == group)
          out.push_back(e);
      return out;
    };
    for (Attribute group : groupOrder) {
      std::vector<Event> first;
      int64_t firstDevice = -1;
      llvm::SmallPtrSet<const std::vector<Event> *, 16> compared;
      for (int64_t m : cast<DenseI64ArrayAttr>(group).asArrayRef()) {
        auto found = events.find(m);
        if (found == events.end())
          continue; // no program (device=k, or checked below)
        if (!compared.insert(found->second).second)
          continue;
        std::vector<Event> seq = restricted(*found->second, group);
        if (firstDevice < 0) {
          first = std::move(seq);
          firstDevice = m;
          continue;
        }
        if (seq != first)
          return mismatch(firstDevice, m, first, seq);
      }
    }
    // Pairs that exchange messages: the same messages, and the same
    // collectives they share, in the same order.
    std::set<std::pair<int64_t, int64_t>> pairs;
    for (auto &[d, ev] : events)
      for (const Event &e : *ev)
        if (!e.group)
          pairs.insert({std::min(d, e.peer), std::max(d, e.peer)});
    for (auto [a, b] : pairs) {
      if (!events.count(a) || !events.count(b))
        continue;
      // Events compare without the peer: a's peer is b and b's a.
      auto shared = [&](int64_t self) {
        std::vector<Event> out;
        for (const Event &e : *events[self])
          if (isMember(e, a, self) && isMember(e, b, self))
            out.push_back(e);
        return out;
      };
      std::vector<Event> sa = shared(a), sb = shared(b);
      if (!(sa == sb))
        return mismatch(a, b, sa, sb);
    }
    // Devices without a program that others expect to meet (with device=k
    // only one program exists, and the others are not written).
    if (!allPrograms)
      return success();
    for (auto &[d, ev] : events)
      for (const Event &e : *ev)
        if (!e.group && !events.count(e.peer))
          return devices.at(d).emitError()
                 << "device " << d << " communicates with device " << e.peer
                 << ", which has no program";
    for (Attribute group : groupOrder)
      for (int64_t m : cast<DenseI64ArrayAttr>(group).asArrayRef())
        if (!events.count(m)) {
          // The first device, in device order, that meets the group.
          int64_t d = llvm::find_if(events, [&](const auto &entry) {
                        return llvm::any_of(*entry.second, [&](const Event &e) {
                          return e.group == group;
                        });
                      })->first;
          return devices.at(d).emitError()
                 << "device " << d << " communicates with device " << m
                 << ", which has no program";
        }
    return success();
  }

private:
  ModuleOp module;
  bool allPrograms;
};

/// Reads which program each device runs from `@main`'s dispatch on the
/// device id, and checks them.
struct VerifyProgramsPass
    : public mlir::hspmd::impl::HspmdVerifyProgramsBase<VerifyProgramsPass> {
  void runOnOperation() override {
    ModuleOp module = getOperation();
    auto main = module.lookupSymbol<func::FuncOp>("main");
    scf::IndexSwitchOp dispatch;
    if (main && !main.isExternal())
      main.walk([&](scf::IndexSwitchOp sw) {
        if (sw.getArg().getDefiningOp<DeviceIdOp>())
          dispatch = sw;
      });
    if (!dispatch) {
      (main ? main.emitError() : module.emitError())
          << "expects device programs: @main dispatching on hspmd.device_id "
             "(run --hspmd-specialize first)";
      return signalPassFailure();
    }
    std::map<int64_t, func::FuncOp> programs;
    for (auto [value, region] :
         llvm::zip(dispatch.getCases(), dispatch.getCaseRegions()))
      region.walk([&](func::CallOp call) {
        if (auto callee = module.lookupSymbol<func::FuncOp>(
                call.getCalleeAttr()))
          programs.try_emplace(value, callee);
      });
    if (failed(verifyDevicePrograms(module, programs, /*allPrograms=*/true)))
      signalPassFailure();
  }
};

} // namespace

LogicalResult mlir::hspmd::verifyDevicePrograms(
    ModuleOp module, const std::map<int64_t, func::FuncOp> &programs,
    bool allPrograms) {
  return ProgramChecker(module, allPrograms).check(programs);
}
