package io.plantspy.web.devices;

import io.plantspy.web.api.ApiException;
import io.plantspy.web.api.ApiResult;
import io.plantspy.web.api.DevicesApi;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The Devices page (an answer role or {@code admin}, the roles the feed gateway knows): the gateway decides who may
 * register (an admin always, anyone else within a quota of devices) and shows each user their own devices, an
 * admin all. A registration's MQTT password is shown once, on the page the registration redirects to.
 */
@Controller
@RequestMapping("/devices")
class DevicesController {

  private final DevicesApi devices;

  DevicesController(DevicesApi devices) {
    this.devices = devices;
  }

  @GetMapping
  String list(Model model) {
    model.addAttribute("devices", ApiResult.of(devices::list));
    return "devices";
  }

  @PostMapping
  String register(@RequestParam String farm, @RequestParam String name, RedirectAttributes after) {
    try {
      after.addFlashAttribute("registered", devices.register(farm.trim(), name.trim()));
    } catch (ApiException e) {
      after.addFlashAttribute("problem", e.withoutCause());
    }
    return "redirect:/devices";
  }

  @PostMapping("/{id}/revoke")
  String revoke(@PathVariable String id, RedirectAttributes after) {
    try {
      devices.revoke(id);
      after.addFlashAttribute("revoked", id);
    } catch (ApiException e) {
      after.addFlashAttribute("problem", e.withoutCause());
    }
    return "redirect:/devices";
  }
}
